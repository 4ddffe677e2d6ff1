package dev.tillsync.reliability.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the server's PostgreSQL really holds, read straight from the tables (not through the API under test):
 * the ground truth every crash and chaos run is judged against.
 */
public final class ServerLedger {
    private final ConnectionSource connections;

    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    public ServerLedger(ConnectionSource connections) {
        this.connections = connections;
    }

    public static ServerLedger over(DataSource ds) {
        return new ServerLedger(ds::getConnection);
    }

    public static ServerLedger over(String jdbcUrl) {
        return new ServerLedger(() -> DriverManager.getConnection(jdbcUrl));
    }

    /** Invoice number → how many sales_invoice rows carry it, for one device. */
    public Map<String, Integer> invoiceCounts(String posId) {
        Map<String, Integer> out = new HashMap<>();
        query("""
                select i.number, count(*) from sales_invoice i join pos_offline d on d.id = i.device_id
                where d.pos_id = ? group by i.number
                """, rs -> out.put(rs.getString(1), rs.getInt(2)), posId);
        return out;
    }

    /** Invoice number → grand total in minor units, for one device. */
    public Map<String, Long> invoiceTotals(String posId) {
        Map<String, Long> out = new HashMap<>();
        query("""
                select i.number, i.grand_total_minor from sales_invoice i join pos_offline d on d.id = i.device_id
                where d.pos_id = ?
                """, rs -> out.put(rs.getString(1), rs.getLong(2)), posId);
        return out;
    }

    public long grandTotal(String posId) {
        return number("select coalesce(sum(grand_total_minor), 0) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = ?", posId);
    }

    /** Quantity sold per item by this device, from the invoice lines the server stored. */
    public Map<String, Long> soldQty(String posId) {
        Map<String, Long> out = new HashMap<>();
        query("""
                select l.item_code, sum(l.qty) from sales_invoice_line l join sales_invoice i on i.id = l.invoice_id
                join pos_offline d on d.id = i.device_id where d.pos_id = ? group by l.item_code
                """, rs -> out.put(rs.getString(1), rs.getLong(2)), posId);
        return out;
    }

    /** Stock change per item the server posted for this device's sync rows (the stock ledger). */
    public Map<String, Long> stockPosted(String posId) {
        Map<String, Long> out = new HashMap<>();
        query("""
                select l.item_code, sum(l.qty_milli) / 1000 from stock_ledger l join pos_offline d on d.id = l.device_id
                where d.pos_id = ? group by l.item_code
                """, rs -> out.put(rs.getString(1), rs.getLong(2)), posId);
        return out;
    }

    /** Current stock level of an item in a warehouse. */
    public long stock(String warehouse, String itemCode) {
        return number("select coalesce(max(qty_milli) / 1000, 0) from stock where warehouse = ? and item_code = ?", warehouse, itemCode);
    }

    /** Sync-status rows per outcome for one device. */
    public Map<String, Long> outcomes(String posId) {
        Map<String, Long> out = new HashMap<>();
        query("""
                select s.outcome, count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id
                where d.pos_id = ? group by s.outcome
                """, rs -> out.put(rs.getString(1), rs.getLong(2)), posId);
        return out;
    }

    /** Device sequence numbers the server holds for one device that are missing below the highest one. */
    public long sequenceGaps(String posId) {
        return number("""
                select coalesce(max(s.seq), 0) - count(distinct s.seq) from pos_offline_sync_status s
                join pos_offline d on d.id = s.device_id where d.pos_id = ?
                """, posId);
    }

    /**
     * Traces of a half-applied row: invoices without lines or payments, lines or payments without their invoice
     * (no foreign key guards them, see V3), accepted invoice rows without their invoice, rows left in the
     * 'pending' outcome of earlier releases. Zero after any crash, or ingest is not atomic.
     */
    public Map<String, Long> halfWritten() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put("invoices without lines", number("select count(*) from sales_invoice i where not exists (select 1 from sales_invoice_line l where l.invoice_id = i.id)"));
        out.put("invoices without payments", number("select count(*) from sales_invoice i where not exists (select 1 from sales_invoice_payment p where p.invoice_id = i.id)"));
        out.put("lines without invoice", number("select count(*) from sales_invoice_line l where not exists (select 1 from sales_invoice i where i.id = l.invoice_id)"));
        out.put("payments without invoice", number("select count(*) from sales_invoice_payment p where not exists (select 1 from sales_invoice i where i.id = p.invoice_id)"));
        out.put("accepted invoice rows without invoice", number("""
                select count(*) from pos_offline_sync_status s where s.kind = 'invoice' and s.outcome = 'accepted'
                and not exists (select 1 from sales_invoice i where i.sync_uuid = s.uuid)"""));
        out.put("rows left pending", number("select count(*) from pos_offline_sync_status where outcome = 'pending'"));
        out.values().removeIf(v -> v == 0);
        return out;
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException(table);
        return number("select count(*) from " + table);
    }

    public long number(String sql, Object... args) {
        long[] v = {0};
        query(sql, rs -> v[0] = rs.getLong(1), args);
        return v[0];
    }

    public String text(String sql, Object... args) {
        String[] v = {null};
        query(sql, rs -> v[0] = rs.getString(1), args);
        return v[0];
    }

    public void update(String sql, Object... args) {
        try (Connection c = connections.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler, Object... args) {
        try (Connection c = connections.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) handler.row(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
