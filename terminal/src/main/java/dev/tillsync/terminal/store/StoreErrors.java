package dev.tillsync.terminal.store;

import dev.tillsync.terminal.TerminalException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into messages a cashier or a technician can act on. */
final class StoreErrors {
    private StoreErrors() {}

    static TerminalException translate(Path file, Throwable t) {
        if (t instanceof TerminalException te) return te;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TerminalException te) return te;
            if (c instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                String base = code == null ? "" : code.name();
                if (base.startsWith("SQLITE_FULL")) {
                    return new TerminalException("disk_full", "The disk holding " + file + " is full: nothing was recorded. Free some space and try again.", t);
                }
                if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
                    return new TerminalException("data_dir_read_only", "The terminal store " + file + " cannot be written (" + base
                            + "): nothing was recorded. Fix the folder's permissions or choose another folder with --data.", t);
                }
                if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
                    return new TerminalException("store_corrupt", "The terminal store " + file + " is damaged (" + base
                            + "). Do not delete it: copy the folder aside and ask support to recover it; then link a fresh data folder.", t);
                }
                if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
                    return new TerminalException("store_busy", "The terminal store is busy (another program holds it for too long). Try again.", t);
                }
                if (base.startsWith("SQLITE_IOERR")) {
                    return new TerminalException("store_io_error", "Reading or writing " + file + " failed (" + base
                            + "): nothing was recorded. Check the disk.", t);
                }
                return new TerminalException("store_error", "The terminal store refused the change (" + se.getMessage() + "): nothing was recorded.", t);
            }
            if (c instanceof SQLException se && c.getCause() == null) {
                return new TerminalException("store_error", "The terminal store failed: " + se.getMessage(), t);
            }
        }
        if (t instanceof RuntimeException re) throw re;
        return new TerminalException("store_error", "The terminal store failed: " + t.getMessage(), t);
    }
}
