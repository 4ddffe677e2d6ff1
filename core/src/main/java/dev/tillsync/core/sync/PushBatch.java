package dev.tillsync.core.sync;

import java.util.List;

/**
 * Body of {@code POST /api/v1/sync/push}: at most the device's sync_rows_per_request rows, oldest first.
 * The device is identified by the authentication headers, and {@code posId} must match them.
 */
public record PushBatch(String posId, String profileKey, List<SyncRow> rows) {
    public PushBatch {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
