package dev.tillsync.terminal;

import java.time.Instant;

/**
 * Which rows to export: every unsynced row (both null), rows from a sequence number on, or rows recorded
 * at or after an instant (whatever their status).
 */
public record ExportRange(Long sinceSeq, Instant since) {
    public static ExportRange unsynced() {
        return new ExportRange(null, null);
    }
}
