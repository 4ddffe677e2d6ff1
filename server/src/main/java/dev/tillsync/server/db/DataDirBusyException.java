package dev.tillsync.server.db;

/** The data folder is in use by another server process. */
public class DataDirBusyException extends RuntimeException {
    public DataDirBusyException(String message) {
        super(message);
    }
}
