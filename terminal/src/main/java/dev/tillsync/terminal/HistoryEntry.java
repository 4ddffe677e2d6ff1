package dev.tillsync.terminal;

import dev.tillsync.core.sync.RowKind;
import java.time.Instant;

/**
 * One transaction in Sales History with its sync status.
 *
 * @param number     invoice number, customer number, or shift id depending on {@code kind}
 * @param totalMinor invoice grand total; null for other kinds
 * @param reason     the server's reason when Failed, else null
 * @param discountMinor every discount of the invoice together (0 on one stored before discounts); null for other kinds
 * @param roundingMinor the invoice's cash rounding (0 when none); null for other kinds
 */
public record HistoryEntry(long seq, String uuid, RowKind kind, String number, Instant at, String customer,
                           Long totalMinor, boolean offline, SyncStatus status, String reasonCode, String reason,
                           int attempts, Long discountMinor, Long roundingMinor) {
    /** An entry without the discount and rounding figures. */
    public HistoryEntry(long seq, String uuid, RowKind kind, String number, Instant at, String customer, Long totalMinor, boolean offline,
                        SyncStatus status, String reasonCode, String reason, int attempts) {
        this(seq, uuid, kind, number, at, customer, totalMinor, offline, status, reasonCode, reason, attempts, null, null);
    }

    /** "Synced", "Pending" or "Failed (reason)". */
    public String statusText() {
        return status == SyncStatus.FAILED ? "Failed (" + (reason == null ? reasonCode : reason) + ")" : status.label();
    }
}
