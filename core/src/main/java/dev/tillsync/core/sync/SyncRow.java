package dev.tillsync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One outbox row as it travels: identity decided on the device (invariant 2).
 *
 * @param uuid      random UUID made when the row was recorded; the server's idempotency key
 * @param seq       per-device, gap-free sequence number starting at 1
 * @param kind      what the payload is
 * @param createdAt device clock when recorded
 * @param payload   the kind's payload as JSON (InvoicePayload, CustomerPayload, ...)
 */
public record SyncRow(String uuid, long seq, RowKind kind, Instant createdAt, JsonNode payload) {}
