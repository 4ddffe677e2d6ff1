package dev.tillsync.server.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the server's code sees it: while {@link DatabaseOutage} says the database is unreachable, asking for a
 * connection fails at once with {@link DatabaseUnreachableException}; a connection failure from the pool marks the
 * outage. Connections themselves are the pool's own.
 */
final class GuardedDataSource implements DataSource {
    private final DataSource pool;
    private final DatabaseOutage outage;

    GuardedDataSource(DataSource pool, DatabaseOutage outage) {
        this.pool = pool;
        this.outage = outage;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (outage.isDown()) {
            throw new DatabaseUnreachableException("The database is unreachable (since " + outage.downSince().map(Object::toString).orElse("just now")
                    + "); nothing was written.");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (DatabaseFailure.of(e).orElse(null) == DatabaseFailure.UNREACHABLE) outage.reportUnreachable(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the server's pool has one set of credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
