package dev.tillsync.terminal.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps prepared statements of one long-lived connection for reuse, keyed by their SQL: sqlite-jdbc
 * prepares from scratch every time and JDBI closes statements after use, which made preparing the hot
 * path's ~20 statements the biggest cost of a sale. A statement is handed out to one user at a time
 * (taken out of the idle map while in use, so nested use of the same SQL gets its own statement), and
 * sqlite-jdbc resets it when its result set closes, so no read snapshot outlives the call.
 * Not thread-safe: its connection is used under the store's lock.
 */
final class StatementCache implements StatementBuilder {
    private static final int MAX_IDLE = 128;

    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_IDLE) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return conn.createStatement();
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        PreparedStatement ps = idle.remove(sql);
        if (ps != null && !ps.isClosed()) return ps;
        return conn.prepareStatement(sql);
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return conn.prepareCall(sql);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (stmt == null || stmt.isClosed()) return;
        if (!(stmt instanceof PreparedStatement ps) || stmt instanceof CallableStatement || sql == null) {
            stmt.close();
            return;
        }
        try {
            ps.clearParameters();
        } catch (SQLException e) {
            closeQuietly(ps);
            return;
        }
        PreparedStatement previous = idle.put(sql, ps);
        if (previous != null && previous != ps) closeQuietly(previous);
    }

    @Override
    public void close(Connection conn) {
        List<PreparedStatement> all = new ArrayList<>(idle.values());
        idle.clear();
        all.forEach(StatementCache::closeQuietly);
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing a statement of a connection that is being dropped anyway
        }
    }
}
