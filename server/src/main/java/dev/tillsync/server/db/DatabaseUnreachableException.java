package dev.tillsync.server.db;

import java.sql.SQLTransientConnectionException;

/** Thrown at once, without waiting on the pool, while the server knows its database is unreachable. */
public final class DatabaseUnreachableException extends SQLTransientConnectionException {
    DatabaseUnreachableException(String message) {
        super(message, "08001");
    }
}
