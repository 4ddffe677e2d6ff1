package dev.tillsync.terminal.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 * A statement goes back under the SQL it was prepared from, remembered while it is in use: JDBI hands
 * {@link #close(Connection, String, Statement)} the statement's source text (named parameters), not the
 * parsed text {@code create} got, so keying by that argument would never find a statement with parameters again.
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

    /** Statements handed out and not yet given back, with the SQL each was prepared from. */
    private final Map<Statement, String> inUse = new IdentityHashMap<>();

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return conn.createStatement();
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        PreparedStatement ps = idle.remove(sql);
        if (ps == null || ps.isClosed()) ps = conn.prepareStatement(sql);
        inUse.put(ps, sql);
        return ps;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return conn.prepareCall(sql);
    }

    @Override
    public void close(Connection conn, String sourceSql, Statement stmt) throws SQLException {
        String sql = stmt == null ? null : inUse.remove(stmt);
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
        List<Statement> all = new ArrayList<>(idle.values());
        all.addAll(inUse.keySet());
        idle.clear();
        inUse.clear();
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
