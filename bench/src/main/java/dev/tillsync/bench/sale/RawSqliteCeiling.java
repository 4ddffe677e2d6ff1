package dev.tillsync.bench.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.terminal.Item;
import dev.tillsync.core.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The raw SQLite ceiling for recording a sale: one open connection, prepared statements, same pragmas as
 * the terminal (WAL, synchronous=FULL), and one plain transaction per sale writing the same rows
 * (invoice, lines, payments, stock updates, outbox row with the JSON payload) into a minimal schema.
 * Invariant: a sale is all its rows or none (one transaction), like the engine's.
 */
final class RawSqliteCeiling implements AutoCloseable {
    private static final ObjectMapper JSON = Json.mapper();

    private final Connection c;
    private final PreparedStatement outbox, invoice, line, payment, stock;
    private long seq;

    RawSqliteCeiling(Path file, List<Item> items) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        c = cfg.createConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    create table outbox (seq integer primary key, uuid text not null unique, kind text not null, ref text not null,
                        payload text not null, status text not null, created_at text not null)""");
            st.executeUpdate("""
                    create table invoice (number text primary key, outbox_seq integer not null unique, posted_at text not null,
                        cashier text not null, shift_uuid text not null, offline integer not null, change_minor integer not null,
                        net_minor integer not null, tax_minor integer not null, grand_minor integer not null,
                        discount_minor integer not null, rounding_minor integer not null)""");
            st.executeUpdate("""
                    create table invoice_line (invoice_number text not null, line_no integer not null, item_code text not null,
                        item_name text not null, qty integer not null, rate_minor integer not null, tax_rate_bp integer not null,
                        net_minor integer not null, tax_minor integer not null, total_minor integer not null,
                        qty_milli integer not null, gross_minor integer not null, line_discount_minor integer not null,
                        sale_discount_minor integer not null, primary key (invoice_number, line_no))""");
            st.executeUpdate("""
                    create table invoice_payment (invoice_number text not null, idx integer not null, mode text not null,
                        amount_minor integer not null, reference text, primary key (invoice_number, idx))""");
            st.executeUpdate("create table stock (item_code text primary key, qty integer not null)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into stock (item_code, qty) values (?, 1000000)")) {
            for (Item it : items) {
                ps.setString(1, it.code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        outbox = c.prepareStatement("insert into outbox (seq, uuid, kind, ref, payload, status, created_at) values (?, ?, 'invoice', ?, ?, 'Pending', ?)");
        invoice = c.prepareStatement("insert into invoice values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        line = c.prepareStatement("insert into invoice_line values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        payment = c.prepareStatement("insert into invoice_payment values (?, ?, ?, ?, ?)");
        stock = c.prepareStatement("update stock set qty = qty - ? where item_code = ?");
    }

    /** Records one sale in one transaction; durable (fsynced) when it returns. */
    void record(InvoicePayload inv) throws SQLException, JsonProcessingException {
        long s = ++seq;
        String now = Instant.now().toString();
        String payload = JSON.writeValueAsString(inv);
        try {
            outbox.setLong(1, s);
            outbox.setString(2, UUID.randomUUID().toString());
            outbox.setString(3, inv.number());
            outbox.setString(4, payload);
            outbox.setString(5, now);
            outbox.executeUpdate();
            invoice.setString(1, inv.number());
            invoice.setLong(2, s);
            invoice.setString(3, inv.postedAt().toString());
            invoice.setString(4, inv.cashier());
            invoice.setString(5, inv.shiftUuid());
            invoice.setInt(6, inv.offline() ? 1 : 0);
            invoice.setLong(7, inv.changeMinor());
            invoice.setLong(8, inv.netTotalMinor());
            invoice.setLong(9, inv.taxTotalMinor());
            invoice.setLong(10, inv.grandTotalMinor());
            invoice.setLong(11, inv.discountMinor() == null ? 0 : inv.discountMinor());
            invoice.setLong(12, inv.roundingMinor() == null ? 0 : inv.roundingMinor());
            invoice.executeUpdate();
            for (int i = 0; i < inv.lines().size(); i++) {
                InvoiceLine l = inv.lines().get(i);
                line.setString(1, inv.number());
                line.setInt(2, i + 1);
                line.setString(3, l.itemCode());
                line.setString(4, l.itemName());
                line.setLong(5, l.qty());
                line.setLong(6, l.rateMinor());
                line.setInt(7, l.taxRateBp());
                line.setLong(8, l.netMinor());
                line.setLong(9, l.taxMinor());
                line.setLong(10, l.totalMinor());
                line.setLong(11, l.quantityMilli());
                line.setLong(12, l.grossMinor() == null ? l.netMinor() : l.grossMinor());
                line.setLong(13, l.lineDiscountMinor() == null ? 0 : l.lineDiscountMinor());
                line.setLong(14, l.saleDiscountMinor() == null ? 0 : l.saleDiscountMinor());
                line.executeUpdate();
                stock.setLong(1, l.quantityMilli());
                stock.setString(2, l.itemCode());
                stock.executeUpdate();
            }
            for (int i = 0; i < inv.payments().size(); i++) {
                Payment p = inv.payments().get(i);
                payment.setString(1, inv.number());
                payment.setInt(2, i + 1);
                payment.setString(3, p.mode());
                payment.setLong(4, p.amountMinor());
                payment.setString(5, p.reference());
                payment.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
