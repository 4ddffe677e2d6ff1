package dev.tillsync.terminal;

/** Per-transaction sync status on the terminal: Pending → Syncing → Synced | Failed (reason). */
public enum SyncStatus {
    PENDING("Pending"), SYNCING("Syncing"), SYNCED("Synced"), FAILED("Failed");

    private final String label;

    SyncStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SyncStatus fromLabel(String s) {
        for (SyncStatus v : values()) {
            if (v.label.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) return v;
        }
        throw new TerminalException("bad_status", "Unknown sync status '" + s + "' (pending, syncing, synced, failed).");
    }
}
