package dev.tillsync.server.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure of the database itself (the server cannot reach PostgreSQL, or PostgreSQL is shutting down or
 * starting) from a failure of the request, by walking the cause chain. The first is a 503 the caller retries; only
 * the second is a server bug (500).
 */
public enum DatabaseFailure {
    /** PostgreSQL cannot be reached, refused the connection, or is shutting down / starting up. */
    UNREACHABLE,
    /** PostgreSQL is fine but every pooled connection stayed busy for the pool's whole wait. */
    POOL_EXHAUSTED;

    /** What kind of database failure {@code error} is, or empty when it is not one. */
    public static Optional<DatabaseFailure> of(Throwable error) {
        boolean poolTimeout = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = next(t)) {
            if (t instanceof DatabaseUnreachableException || t instanceof ConnectException) return Optional.of(UNREACHABLE);
            if (t instanceof SQLException sql && unreachableState(sql.getSQLState())) return Optional.of(UNREACHABLE);
            // Hikari's "request timed out": its cause, when there is one, is the last failed connection attempt
            if (t instanceof SQLTransientConnectionException) poolTimeout = true;
        }
        return poolTimeout ? Optional.of(POOL_EXHAUSTED) : Optional.empty();
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now):
     * see PostgreSQL's errcodes appendix.
     */
    static boolean unreachableState(String state) {
        if (state == null) return false;
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) return t.getCause();
        return t instanceof SQLException sql ? sql.getNextException() : null;
    }
}
