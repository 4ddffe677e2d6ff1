package dev.tillsync.server.imports.csv;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.db.CopyIn;
import dev.tillsync.server.master.StockVouchers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a stock CSV all or nothing in one transaction: a {@code set} row is a stocktake (expected = the level
 * before, counted = the row, the variance posted), an {@code add} row a receipt; each change is a stock_ledger row
 * (reason, created_by) and the level, and the new level goes to the pull feed at once, as Catalog.setStockMilli
 * does. Invariant: stock changes only with its ledger row; the same file twice writes nothing (a count at the level
 * already held is unchanged, and a file's receipts are recognised by its voucher number, a digest of its rows).
 */
public final class StockImport {
    private final Jdbi jdbi;
    private final ChangeFeed feed;

    public StockImport(Jdbi jdbi, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.feed = feed;
    }

    public CsvImportResult run(byte[] csv, String actor, boolean dryRun) {
        CsvFile file = CsvFile.parse(csv);
        return jdbi.inTransaction(h -> {
            StockCsv.Parsed p = StockCsv.parse(file, lookups(h));
            if (!p.refused().isEmpty()) {
                h.rollback();
                return new CsvImportResult(0, 0, 0, p.refused(), false, List.of());
            }
            // The change-feed lock before any stock row lock: the order every stock writer keeps (ChangeFeed).
            if (!dryRun) feed.lock(h);
            String voucher = voucher(p.rows());
            stage(h, p.rows());
            if (!dryRun) h.execute("""
                    select 1 from stock st join imp_stock s on s.warehouse = st.warehouse and s.item_code = st.item_code
                    order by st.warehouse, st.item_code for update of st""");
            boolean received = h.createQuery("select exists (select 1 from stock_ledger where voucher_type = :t and voucher_no = :v)")
                    .bind("t", StockVouchers.RECEIPT).bind("v", voucher).mapTo(Boolean.class).one();
            h.createUpdate("""
                    create temp table imp_stock_class on commit drop as
                    select s.line, s.warehouse, s.item_code, s.mode, s.qty_milli, st.qty_milli as before,
                           case when s.mode = 'set' then s.qty_milli else coalesce(st.qty_milli, 0) + s.qty_milli end as after,
                           case when s.mode = 'add' and (:received or s.qty_milli = 0) then 'unchanged'
                                when s.mode = 'set' and s.qty_milli = coalesce(st.qty_milli, 0) then 'unchanged'
                                when st.qty_milli is null then 'created' else 'updated' end as action
                    from imp_stock s left join stock st on st.warehouse = s.warehouse and st.item_code = s.item_code""")
                    .bind("received", received).execute();
            List<CatalogCsv.Refused> negative = h.createQuery("""
                            select line, item_code, qty_milli from imp_stock_class where mode = 'set' and qty_milli < 0 and action <> 'unchanged' order by line""")
                    .map((rs, c) -> new CatalogCsv.Refused(rs.getInt(1), "qty", rs.getString(2), "Quantity " + Unit.format(rs.getLong(3))
                            + " is negative; a count is 0 or more (a level below zero is only kept as it is)."))
                    .list();
            if (!negative.isEmpty()) {
                h.rollback();
                return new CsvImportResult(0, 0, 0, negative, false, List.of());
            }
            Map<String, Integer> counts = h.createQuery("select action, count(*) as n from imp_stock_class group by action")
                    .reduceRows(new HashMap<String, Integer>(), (m, rv) -> { m.put(rv.getColumn("action", String.class), rv.getColumn("n", Integer.class)); return m; });
            List<CsvImportResult.Change> changes = h.createQuery("""
                            select line, warehouse, item_code, mode, qty_milli, before, after, action from imp_stock_class
                            where action <> 'unchanged' order by line limit :n""")
                    .bind("n", CsvImportResult.PREVIEW_ROWS)
                    .map((rs, c) -> new CsvImportResult.Change(rs.getInt("line"), rs.getString("item_code"), rs.getString("action"),
                            describe(rs.getString("warehouse"), rs.getString("mode"), rs.getLong("qty_milli"), (Long) rs.getObject("before"), rs.getLong("after"))))
                    .list();
            int created = counts.getOrDefault("created", 0), updated = counts.getOrDefault("updated", 0), unchanged = counts.getOrDefault("unchanged", 0);
            if (dryRun) {
                h.rollback();
                return new CsvImportResult(created, updated, unchanged, List.of(), false, changes);
            }
            apply(h, actor, voucher);
            return new CsvImportResult(created, updated, unchanged, List.of(), true, changes);
        });
    }

    private static StockCsv.Lookups lookups(Handle h) {
        Set<String> warehouses = new HashSet<>(h.createQuery("select name from warehouse where active").mapTo(String.class).list());
        Map<String, Unit> items = new HashMap<>();
        h.createQuery("select code, unit from item").setFetchSize(10_000)
                .map((rs, c) -> items.put(rs.getString(1), Unit.parse(rs.getString(2)).orElse(Unit.UNIT))).forEach(x -> {});
        return new StockCsv.Lookups(warehouses, items);
    }

    private static void stage(Handle h, List<StockCsv.Row> rows) {
        h.execute("create temp table imp_stock (line int, warehouse text, item_code text, qty_milli bigint, mode text, primary key (warehouse, item_code)) on commit drop");
        CopyIn in = CopyIn.into("imp_stock", "line", "warehouse", "item_code", "qty_milli", "mode");
        for (StockCsv.Row r : rows) in.number(r.line()).text(r.warehouse()).text(r.code()).number(r.qtyMilli()).text(r.mode() == StockCsv.Mode.SET ? "set" : "add").endRow();
        in.execute(h);
        h.execute("analyze imp_stock");
    }

    private void apply(Handle h, String actor, String voucher) {
        h.createUpdate("""
                insert into stock_ledger (warehouse, item_code, qty_milli, voucher_type, voucher_no, posted_at, reason, created_by, expected_milli, counted_milli)
                select c.warehouse, c.item_code, c.after - coalesce(c.before, 0),
                       case when c.mode = 'set' then :stocktake else :receipt end, :voucher, now(),
                       case when c.mode = 'set' then 'stocktake' else 'receipt' end, :actor,
                       case when c.mode = 'set' then coalesce(c.before, 0) end, case when c.mode = 'set' then c.qty_milli end
                from imp_stock_class c where c.action <> 'unchanged' order by c.line""")
                .bind("stocktake", StockVouchers.STOCKTAKE).bind("receipt", StockVouchers.RECEIPT).bind("voucher", voucher).bind("actor", actor).execute();
        // Levels move by the ledger row's quantity: a level a push created after this import read it (it had none then)
        // keeps the push's movement, so the level is always the sum of its ledger rows.
        h.execute("""
                update stock st set qty_milli = st.qty_milli + (c.after - c.before), unpublished = false
                from imp_stock_class c
                where c.action <> 'unchanged' and c.before is not null and st.warehouse = c.warehouse and st.item_code = c.item_code""");
        h.execute("""
                insert into stock (warehouse, item_code, qty_milli)
                select c.warehouse, c.item_code, c.after from imp_stock_class c where c.action <> 'unchanged' and c.before is null
                on conflict (warehouse, item_code) do update set qty_milli = stock.qty_milli + excluded.qty_milli, unpublished = false""");
        // The same record StockPublisher writes for a level, so a till reads an imported level like any other.
        h.createUpdate("""
                insert into change_state (entity, scope, key, seq, deleted, data)
                select :entity, s.warehouse, s.item_code, nextval('change_seq'), false,
                       json_build_object('itemCode', s.item_code, 'warehouse', s.warehouse, 'qty', floor(s.qty_milli / 1000.0)::bigint, 'qtyMilli', s.qty_milli)::text
                from (select st.* from stock st join imp_stock_class c on c.warehouse = st.warehouse and c.item_code = st.item_code
                      where c.action <> 'unchanged' order by st.warehouse, st.item_code) s
                on conflict (entity, scope, key) do update set seq = excluded.seq, deleted = false, data = excluded.data""")
                .bind("entity", Entities.STOCK).execute();
    }

    private static String describe(String warehouse, String mode, long qty, Long before, long after) {
        String was = before == null ? "none" : Unit.format(before);
        return warehouse + ": " + ("set".equals(mode) ? "counted " + Unit.format(qty) + " (was " + was + ", variance " + signed(after - (before == null ? 0 : before)) + ")"
                : "received " + Unit.format(qty) + " (" + was + " → " + Unit.format(after) + ")");
    }

    private static String signed(long milli) {
        return (milli > 0 ? "+" : "") + Unit.format(milli);
    }

    /** The file's voucher number: a digest of its rows as read (so a re-saved copy, CRLF or ';', is the same file). */
    static String voucher(List<StockCsv.Row> rows) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (StockCsv.Row r : rows) d.update((r.warehouse() + "\u0000" + r.code() + "\u0000" + r.qtyMilli() + "\u0000" + r.mode() + "\n").getBytes(StandardCharsets.UTF_8));
            return "CSV-" + HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
