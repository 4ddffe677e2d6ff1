package dev.tillsync.core.sync;

import java.util.List;

/**
 * Answer to a push: one result per row, in the order sent, plus the device's current link status so a
 * terminal learns of an unlink on its next contact, and (only for a till that asked, see {@link SyncHeaders#FEATURES})
 * the device's {@link HighWater} marks after this batch; null, and then absent from the JSON, otherwise.
 */
public record PushResult(ConnectionStatus connectionStatus, List<RowResult> results, HighWater highWater) {
    public PushResult {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public PushResult(ConnectionStatus connectionStatus, List<RowResult> results) {
        this(connectionStatus, results, null);
    }
}
