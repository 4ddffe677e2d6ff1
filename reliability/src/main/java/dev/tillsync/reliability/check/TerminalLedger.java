package dev.tillsync.reliability.check;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * What a terminal's SQLite store holds, read through a read-only connection (so checking can never repair or
 * hide anything): invoices with totals, outbox statuses, the sequence, quantities sold.
 */
public final class TerminalLedger {
    private final Path dbFile;

    public TerminalLedger(Path dataDir) {
        this.dbFile = dataDir.resolve("terminal.db");
    }

    public record Outbox(long rows, long maxSeq, long minSeq, Map<String, Long> byStatus, Map<String, Long> failedReasons) {
        public boolean gapFree() {
            return rows == 0 || (minSeq == 1 && maxSeq == rows);
        }
    }

    public Map<String, Long> invoiceTotals() {
        Map<String, Long> out = new HashMap<>();
        query("select number, grand_minor from invoice", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** The invoice numbers the till holds as Synced: what it was told the server has. */
    public java.util.Set<String> syncedInvoices() {
        java.util.Set<String> out = new java.util.HashSet<>();
        query("select ref from outbox where status = 'Synced' and kind = 'invoice'", rs -> out.add(rs.getString(1)));
        return out;
    }

    public Map<String, Long> soldQty() {
        Map<String, Long> out = new HashMap<>();
        query("select item_code, sum(qty) from invoice_line group by item_code", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Local stock per item as the terminal shows it: last server level minus sales not yet counted in it. */
    public Map<String, Long> localStock() {
        Map<String, Long> out = new HashMap<>();
        query("""
                select i.code, coalesce((select s.qty from server_stock s where s.item_code = i.code), 0)
                     - coalesce((select sum(l.qty) from invoice_line l where l.item_code = i.code and l.stock_pending = 1), 0)
                from item i
                """, rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    public Outbox outbox() {
        long[] agg = new long[3];
        query("select count(*), coalesce(max(seq), 0), coalesce(min(seq), 0) from outbox", rs -> {
            agg[0] = rs.getLong(1);
            agg[1] = rs.getLong(2);
            agg[2] = rs.getLong(3);
        });
        Map<String, Long> byStatus = new HashMap<>();
        query("select status, count(*) from outbox group by status", rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        Map<String, Long> reasons = new HashMap<>();
        query("select coalesce(reason_code, '?') || ': ' || coalesce(reason, ''), count(*) from outbox where status = 'Failed' group by 1",
                rs -> reasons.put(rs.getString(1), rs.getLong(2)));
        return new Outbox(agg[0], agg[1], agg[2], byStatus, reasons);
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(15_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile, cfg.toProperties()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) handler.row(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(dbFile + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
