package dev.tillsync.desktop.history;

import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.SyncStatus;

/** How a history entry reads to a cashier: sales, returns and shift events by name, never a bare row kind or uuid. */
final class HistoryRow {
    static final String EVERYTHING = "Everything";
    static final String SALES = "Sales and returns";
    static final String SHIFTS = "Shift events";

    private HistoryRow() {}

    static boolean isSale(HistoryEntry e) {
        return e.kind() == RowKind.INVOICE && e.totalMinor() != null && e.totalMinor() >= 0;
    }

    static String kind(HistoryEntry e) {
        return switch (e.kind()) {
            case INVOICE -> isSale(e) ? "Sale" : "Return";
            case CUSTOMER -> "New customer";
            case SHIFT_OPEN -> "Shift opened";
            case SHIFT_CLOSE -> "Shift closed";
            case STOCK_MOVEMENT -> "Stock movement";
        };
    }

    /** Shift ids are uuids: the first block is enough to tell two shifts apart on one till. */
    static String number(HistoryEntry e) {
        boolean shift = e.kind() == RowKind.SHIFT_OPEN || e.kind() == RowKind.SHIFT_CLOSE;
        if (!shift || e.number() == null) return e.number();
        return "Shift " + (e.number().length() > 8 ? e.number().substring(0, 8) : e.number());
    }

    /** A sale made offline says so until the server has it, then that it was made offline. */
    static String offline(HistoryEntry e) {
        if (!e.offline()) return "";
        return e.status() == SyncStatus.SYNCED ? "made offline" : "OFFLINE";
    }

    static boolean shows(String filter, HistoryEntry e) {
        boolean shift = e.kind() == RowKind.SHIFT_OPEN || e.kind() == RowKind.SHIFT_CLOSE;
        if (SALES.equals(filter)) return e.kind() == RowKind.INVOICE;
        if (SHIFTS.equals(filter)) return shift;
        return true;
    }
}
