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
                    CREATE TABLE outbox (seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, ref TEXT NOT NULL,
                        payload TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL)""");
            st.executeUpdate("""
                    CREATE TABLE invoice (number TEXT PRIMARY KEY, outbox_seq INTEGER NOT NULL UNIQUE, posted_at TEXT NOT NULL,
                        cashier TEXT NOT NULL, shift_uuid TEXT NOT NULL, offline INTEGER NOT NULL, change_minor INTEGER NOT NULL,
                        net_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL, grand_minor INTEGER NOT NULL)""");
            st.executeUpdate("""
                    CREATE TABLE invoice_line (invoice_number TEXT NOT NULL, line_no INTEGER NOT NULL, item_code TEXT NOT NULL,
                        item_name TEXT NOT NULL, qty INTEGER NOT NULL, rate_minor INTEGER NOT NULL, tax_rate_bp INTEGER NOT NULL,
                        net_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL, total_minor INTEGER NOT NULL,
                        PRIMARY KEY (invoice_number, line_no))""");
            st.executeUpdate("""
                    CREATE TABLE invoice_payment (invoice_number TEXT NOT NULL, idx INTEGER NOT NULL, mode TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL, reference TEXT, PRIMARY KEY (invoice_number, idx))""");
            st.executeUpdate("CREATE TABLE stock (item_code TEXT PRIMARY KEY, qty INTEGER NOT NULL)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock (item_code, qty) VALUES (?, 1000000)")) {
            for (Item it : items) {
                ps.setString(1, it.code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        outbox = c.prepareStatement("INSERT INTO outbox (seq, uuid, kind, ref, payload, status, created_at) VALUES (?, ?, 'invoice', ?, ?, 'Pending', ?)");
        invoice = c.prepareStatement("INSERT INTO invoice VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        line = c.prepareStatement("INSERT INTO invoice_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        payment = c.prepareStatement("INSERT INTO invoice_payment VALUES (?, ?, ?, ?, ?)");
        stock = c.prepareStatement("UPDATE stock SET qty = qty - ? WHERE item_code = ?");
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
                line.executeUpdate();
                stock.setLong(1, l.qty());
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
