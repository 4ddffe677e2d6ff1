package dev.tillsync.terminal.outbox;

import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.SyncStatus;
import java.time.Instant;

/** One outbox row as stored. */
public record OutboxRow(long seq, String uuid, RowKind kind, String ref, String payload, SyncStatus status,
                        String reasonCode, String reason, int attempts, Instant createdAt, Instant syncedAt) {}
