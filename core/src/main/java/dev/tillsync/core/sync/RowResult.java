package dev.tillsync.core.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The answer for one row. For {@code duplicate}, {@code original} is the outcome recorded the first time
 * (accepted or rejected) and {@code code}/{@code message} repeat the first answer's reason if any.
 *
 * @param code    machine-readable reason for a rejection (e.g. {@code unknown_item}, {@code totals_mismatch})
 * @param message a sentence a person can act on
 * @param review  true when the row was accepted but flagged for review (stock below zero, stale profile...)
 */
public record RowResult(String uuid, long seq, RowOutcome outcome, RowOutcome original, String code, String message,
                        boolean review) {

    public static RowResult accepted(String uuid, long seq, boolean review, String note) {
        return new RowResult(uuid, seq, RowOutcome.ACCEPTED, null, null, note, review);
    }

    public static RowResult rejected(String uuid, long seq, String code, String message) {
        return new RowResult(uuid, seq, RowOutcome.REJECTED, null, code, message, false);
    }

    /** True when the terminal may mark the row synced (the server holds its effect). */
    @JsonIgnore // derived, not part of the wire form
    public boolean isSynced() {
        return outcome == RowOutcome.ACCEPTED || (outcome == RowOutcome.DUPLICATE && original != RowOutcome.REJECTED);
    }
}
