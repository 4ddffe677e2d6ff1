package dev.tillsync.core.sync;

import java.util.List;

/**
 * Answer to a push: one result per row, in the order sent, plus the device's current link status so a
 * terminal learns of an unlink on its next contact.
 */
public record PushResult(ConnectionStatus connectionStatus, List<RowResult> results) {
    public PushResult {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
