package dev.tillsync.terminal;

/** Which transactions to list: a status (null for all), invoices only or every kind, newest first up to {@code limit}. */
public record HistoryFilter(SyncStatus status, boolean invoicesOnly, int limit) {
    public static HistoryFilter all() {
        return new HistoryFilter(null, false, 1000);
    }
}
