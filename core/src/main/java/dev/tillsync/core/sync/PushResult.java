package dev.tillsync.core.sync;

import java.util.List;

/**
 * Answer to a push: one result per row, in the order sent, plus the device's current link status so a
 * terminal learns of an unlink on its next contact, and (only for a till that asked, see {@link SyncHeaders#FEATURES})
 * the device's {@link HighWater} marks after this batch; null, and then absent from the JSON, otherwise.
 * {@code resendAfter}: set only for a till that named {@link SyncHeaders#RESEND} and reported more synced than the
 * server holds (the server was restored from a backup): send again every row after this sequence.
 */
public record PushResult(ConnectionStatus connectionStatus, List<RowResult> results, HighWater highWater, Long resendAfter) {
    public PushResult {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public PushResult(ConnectionStatus connectionStatus, List<RowResult> results, HighWater highWater) {
        this(connectionStatus, results, highWater, null);
    }

    /** The answer that also asks the till to send again every row after {@code seq}: see {@link SyncHeaders#RESEND}. */
    public PushResult withResendAfter(long seq) {
        return new PushResult(connectionStatus, results, highWater, seq);
    }

    public PushResult(ConnectionStatus connectionStatus, List<RowResult> results) {
        this(connectionStatus, results, null);
    }
}
