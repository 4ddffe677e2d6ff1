package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.SyncRow;
import org.jdbi.v3.core.Handle;

/**
 * Validates and applies one row kind inside the batch's transaction, under the row's savepoint; throws
 * {@link Rejection} to refuse the row (the savepoint is then rolled back). Writes that can wait (lines,
 * payments, stock, pull-feed publications) go to {@code effects}, which the batch writes at its end.
 */
public interface RowApplier {
    /** The document number the row carries, for the sync-status record, when readable. */
    default String numberOf(SyncRow row) {
        return payloadNumber(row);
    }

    /** The payload's "number" field (invoices, customers), or null. */
    static String payloadNumber(SyncRow row) {
        return row.payload() != null && row.payload().hasNonNull("number") ? row.payload().get("number").asText() : null;
    }

    AppliedRow apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection;
}
