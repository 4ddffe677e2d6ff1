package dev.tillsync.terminal;

/** The three flags a POS Offline User may hold, enforced on the terminal (invariant 7). */
public enum Permission {
    /** can_configure_pos: change the server URL and the printer target. */
    CONFIGURE_POS("can_configure_pos"),
    /** can_export_log: write export files and the event log. */
    EXPORT_LOG("can_export_log"),
    /** can_reprint: print a receipt again, marked REPRINT. */
    REPRINT("can_reprint");

    private final String flag;

    Permission(String flag) {
        this.flag = flag;
    }

    /** The flag's name as the back office shows it. */
    public String flag() {
        return flag;
    }
}
