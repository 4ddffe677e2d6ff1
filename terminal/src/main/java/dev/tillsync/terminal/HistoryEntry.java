package dev.tillsync.terminal;

import dev.tillsync.core.sync.RowKind;
import java.time.Instant;

/**
 * One transaction in Sales History with its sync status.
 *
 * @param number     invoice number, customer number, or shift id depending on {@code kind}
 * @param totalMinor invoice grand total; null for other kinds
 * @param reason     the server's reason when Failed, else null
 */
public record HistoryEntry(long seq, String uuid, RowKind kind, String number, Instant at, String customer,
                           Long totalMinor, boolean offline, SyncStatus status, String reasonCode, String reason,
                           int attempts) {
    /** "Synced", "Pending" or "Failed (reason)". */
    public String statusText() {
        return status == SyncStatus.FAILED ? "Failed (" + (reason == null ? reasonCode : reason) + ")" : status.label();
    }
}
