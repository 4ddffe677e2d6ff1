package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import org.jdbi.v3.core.Handle;

/** Validates and applies one row kind inside the caller's transaction; throws to refuse the row. */
public interface RowApplier {
    /** The document number the row carries, for the sync-status record, when readable. */
    default String numberOf(SyncRow row) {
        return row.payload() != null && row.payload().hasNonNull("number") ? row.payload().get("number").asText() : null;
    }

    Applied apply(Handle h, DeviceRecord device, SyncRow row, String batchProfileKey) throws Rejection;
}
