package dev.tillsync.bench.catchup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw PostgreSQL ceiling for ingesting invoices: the same rows the server writes (sync status, invoice,
 * lines, payments, stock ledger, stock level) inserted with JDBC batches (rewritten into multi-row inserts)
 * into plain tables with the same keys, committed every {@code commitEvery} invoices. Payloads are parsed
 * before the clock starts: this is the database's ceiling, not the HTTP or JSON path.
 */
public final class RawPostgresCeiling {
    private RawPostgresCeiling() {}

    public static List<InvoicePayload> parse(List<SyncRow> rows) {
        ObjectMapper json = Json.mapper();
        List<InvoicePayload> out = new ArrayList<>();
        for (SyncRow r : rows) {
            if (r.kind() != RowKind.INVOICE) continue;
            try {
                out.add(json.treeToValue(r.payload(), InvoicePayload.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    public static Connection connect(Path serverDir) throws Exception {
        int port = Integer.parseInt(Files.readString(serverDir.resolve("pg.port")).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true", "postgres", "");
    }

    public static void createTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create schema ceiling");
            st.execute("""
                    create table ceiling.sync_status (id bigint primary key, device_id bigint not null, uuid text not null unique,
                        seq bigint not null, kind text not null, number text, payload_hash text not null, outcome text not null,
                        via text not null, received_at timestamptz not null default now(), unique (device_id, seq))""");
            st.execute("""
                    create table ceiling.sales_invoice (id bigint primary key, number text not null unique, device_id bigint not null,
                        sync_uuid text not null unique, posted_at timestamptz not null, cashier text, shift_uuid text, offline boolean not null,
                        profile_key text, change_minor bigint not null, net_total_minor bigint not null, tax_total_minor bigint not null,
                        grand_total_minor bigint not null, created_at timestamptz not null default now())""");
            st.execute("create index on ceiling.sales_invoice (device_id, posted_at)");
            st.execute("""
                    create table ceiling.sales_invoice_line (invoice_id bigint not null references ceiling.sales_invoice (id), line_no int not null,
                        item_code text not null, item_name text, qty bigint not null, rate_minor bigint not null, tax_rate_bp int not null,
                        net_minor bigint not null, tax_minor bigint not null, total_minor bigint not null, primary key (invoice_id, line_no))""");
            st.execute("""
                    create table ceiling.sales_invoice_payment (invoice_id bigint not null references ceiling.sales_invoice (id),
                        line_no int not null, mode text not null, amount_minor bigint not null, reference text, primary key (invoice_id, line_no))""");
            st.execute("""
                    create table ceiling.stock_ledger (id bigserial primary key, warehouse text not null, item_code text not null,
                        qty_change bigint not null, voucher_type text not null, voucher_no text, device_id bigint, sync_uuid text,
                        posted_at timestamptz not null, created_at timestamptz not null default now())""");
            st.execute("create index on ceiling.stock_ledger (sync_uuid)");
            st.execute("create table ceiling.stock (warehouse text not null, item_code text not null, qty bigint not null, primary key (warehouse, item_code))");
            st.execute("insert into ceiling.stock select warehouse, item_code, qty_milli / 1000 from stock");
        }
    }

    /** Inserts every invoice; returns the seconds it took. */
    public static double insert(Connection c, List<InvoicePayload> invoices, List<SyncRow> rows, int commitEvery) throws SQLException {
        Map<String, SyncRow> byNumber = new java.util.HashMap<>();
        for (SyncRow r : rows) if (r.kind() == RowKind.INVOICE) byNumber.put(r.payload().path("number").asText(), r);
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement ss = c.prepareStatement("insert into ceiling.sync_status (id, device_id, uuid, seq, kind, number, payload_hash, outcome, via) values (?, 1, ?, ?, 'invoice', ?, ?, 'accepted', 'push')");
             PreparedStatement inv = c.prepareStatement("insert into ceiling.sales_invoice (id, number, device_id, sync_uuid, posted_at, cashier, shift_uuid, offline, profile_key, change_minor, net_total_minor, tax_total_minor, grand_total_minor) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement line = c.prepareStatement("insert into ceiling.sales_invoice_line values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement pay = c.prepareStatement("insert into ceiling.sales_invoice_payment values (?, ?, ?, ?, ?)");
             PreparedStatement ledger = c.prepareStatement("insert into ceiling.stock_ledger (warehouse, item_code, qty_change, voucher_type, voucher_no, device_id, sync_uuid, posted_at) values ('Main Warehouse', ?, ?, 'Sales Invoice', ?, 1, ?, ?)");
             PreparedStatement stock = c.prepareStatement("update ceiling.stock set qty = qty + ? where warehouse = 'Main Warehouse' and item_code = ?")) {
            Map<String, Long> stockDelta = new TreeMap<>();
            long id = 0;
            int inBatch = 0;
            for (InvoicePayload p : invoices) {
                id++;
                SyncRow r = byNumber.get(p.number());
                ss.setLong(1, id);
                ss.setString(2, r.uuid());
                ss.setLong(3, r.seq());
                ss.setString(4, p.number());
                ss.setString(5, r.uuid());
                ss.addBatch();
                inv.setLong(1, id);
                inv.setString(2, p.number());
                inv.setString(3, r.uuid());
                inv.setTimestamp(4, Timestamp.from(p.postedAt()));
                inv.setString(5, p.cashier());
                inv.setString(6, p.shiftUuid());
                inv.setBoolean(7, p.offline());
                inv.setString(8, p.profileKey());
                inv.setLong(9, p.changeMinor());
                inv.setLong(10, p.netTotalMinor());
                inv.setLong(11, p.taxTotalMinor());
                inv.setLong(12, p.grandTotalMinor());
                inv.addBatch();
                for (int i = 0; i < p.lines().size(); i++) {
                    InvoiceLine l = p.lines().get(i);
                    line.setLong(1, id);
                    line.setInt(2, i + 1);
                    line.setString(3, l.itemCode());
                    line.setString(4, l.itemName());
                    line.setLong(5, l.qty());
                    line.setLong(6, l.rateMinor());
                    line.setInt(7, l.taxRateBp());
                    line.setLong(8, l.netMinor());
                    line.setLong(9, l.taxMinor());
                    line.setLong(10, l.totalMinor());
                    line.addBatch();
                    ledger.setString(1, l.itemCode());
                    ledger.setLong(2, -l.qty());
                    ledger.setString(3, p.number());
                    ledger.setString(4, r.uuid());
                    ledger.setTimestamp(5, Timestamp.from(p.postedAt()));
                    ledger.addBatch();
                    stockDelta.merge(l.itemCode(), -l.qty(), Long::sum);
                }
                for (int i = 0; i < p.payments().size(); i++) {
                    Payment pm = p.payments().get(i);
                    pay.setLong(1, id);
                    pay.setInt(2, i + 1);
                    pay.setString(3, pm.mode());
                    pay.setLong(4, pm.amountMinor());
                    pay.setString(5, pm.reference());
                    pay.addBatch();
                }
                if (++inBatch == commitEvery) {
                    flush(c, ss, inv, line, pay, ledger, stock, stockDelta);
                    inBatch = 0;
                }
            }
            flush(c, ss, inv, line, pay, ledger, stock, stockDelta);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void flush(Connection c, PreparedStatement ss, PreparedStatement inv, PreparedStatement line, PreparedStatement pay,
                              PreparedStatement ledger, PreparedStatement stock, Map<String, Long> stockDelta) throws SQLException {
        ss.executeBatch();
        inv.executeBatch();
        line.executeBatch();
        pay.executeBatch();
        ledger.executeBatch();
        for (var e : stockDelta.entrySet()) {
            stock.setLong(1, e.getValue());
            stock.setString(2, e.getKey());
            stock.addBatch();
        }
        stock.executeBatch();
        stockDelta.clear();
        c.commit();
    }
}
