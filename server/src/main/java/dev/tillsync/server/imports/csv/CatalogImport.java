package dev.tillsync.server.imports.csv;

import dev.tillsync.server.catalog.ItemFeed;
import dev.tillsync.server.db.CopyIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a catalogue CSV all or nothing in one transaction, set-based: the file's codes and barcodes are looked up
 * once (two joins against arrays) and the database refusals decided in memory; items that already exist are COPYed
 * into flat, analyzed temporary tables and classified updated / unchanged in SQL with hash joins; new items are COPYed
 * straight into item, item_barcode and item_price, updated ones written with one statement per table; then one audit
 * row per changed item and one feed publication for all. Nothing runs a statement per row.
 * Invariant: an unchanged item is not touched (no version bump, no audit, no feed record), so the same file twice
 * writes nothing. Prices for lists the file does not name are kept.
 */
public final class CatalogImport {
    /** What an import did or, in a dry run, would do. */
    public record Result(int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied) {}

    /** An import's result and where its time went, phase by phase in the order they ran (for the benchmark). */
    public record Timed(Result result, Map<String, Long> phaseNanos) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Jdbi jdbi;
    private final ItemFeed feed;

    public CatalogImport(Jdbi jdbi, ItemFeed feed) {
        this.jdbi = jdbi;
        this.feed = feed;
    }

    public Result run(byte[] csv, String actor, boolean dryRun) {
        return runTimed(csv, actor, dryRun).result();
    }

    public Timed runTimed(byte[] csv, String actor, boolean dryRun) {
        Phases t = new Phases();
        CsvFile file = CsvFile.parse(csv);
        t.lap("read csv");
        Result r = jdbi.inTransaction(h -> {
            CatalogCsv.Parsed p = CatalogCsv.parse(file, lookups(h));
            t.lap("check rows");
            Existing ex = existing(h, p.items());
            List<CatalogCsv.Refused> refused = new ArrayList<>(p.refused());
            refused.addAll(databaseRefusals(p.items(), ex));
            refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
            t.lap("barcode/tax refusals");
            List<CatalogCsv.Item> known = new ArrayList<>(), fresh = new ArrayList<>();
            for (CatalogCsv.Item i : p.items()) (ex.codes().contains(i.code()) ? known : fresh).add(i);
            stage(h, known);
            t.lap("stage (copy)");
            classify(h);
            Map<String, Integer> counts = h.createQuery("select action, count(*) as n from imp_class group by action")
                    .reduceRows(new HashMap<String, Integer>(), (m, rv) -> { m.put(rv.getColumn("action", String.class), rv.getColumn("n", Integer.class)); return m; });
            int created = fresh.size(), updated = counts.getOrDefault("updated", 0), unchanged = counts.getOrDefault("unchanged", 0);
            t.lap("classify");
            if (!refused.isEmpty() || dryRun) {
                h.rollback();
                return new Result(created, updated, unchanged, List.copyOf(refused), false);
            }
            apply(h, actor, fresh, updated, t);
            return new Result(created, updated, unchanged, List.of(), true);
        });
        t.lap("commit");
        return new Timed(r, t.nanos);
    }

    private static CatalogCsv.Lookups lookups(Handle h) {
        Set<String> cats = new HashSet<>(h.createQuery("select name from category where active").mapTo(String.class).list());
        Set<String> taxes = new HashSet<>(h.createQuery("select name from tax_category where active").mapTo(String.class).list());
        Map<String, CatalogCsv.PriceList> lists = h.createQuery("select name, currency, currency_digits from price_list where active")
                .map((rs, c) -> new CatalogCsv.PriceList(rs.getString(1), rs.getString(2), rs.getInt(3))).list()
                .stream().collect(Collectors.toMap(CatalogCsv.PriceList::name, l -> l));
        return new CatalogCsv.Lookups(cats, taxes, lists);
    }

    /** Which of the file's codes exist, and which item holds each of the file's barcodes now. */
    private record Existing(Set<String> codes, Map<String, String> barcodeOwner) {}

    private static Existing existing(Handle h, List<CatalogCsv.Item> items) {
        List<String> codes = new ArrayList<>(items.size()), barcodes = new ArrayList<>(2 * items.size());
        for (CatalogCsv.Item i : items) {
            codes.add(i.code());
            barcodes.addAll(i.barcodes());
        }
        Set<String> found = new HashSet<>(h.createQuery("select i.code from item i join unnest(:codes) as u(code) on u.code = i.code")
                .bindArray("codes", String.class, codes).mapTo(String.class).list());
        Map<String, String> owners = new HashMap<>();
        h.createQuery("select b.barcode, b.item_code from item_barcode b join unnest(:barcodes) as u(barcode) on u.barcode = b.barcode")
                .bindArray("barcodes", String.class, barcodes)
                .map((rs, c) -> owners.put(rs.getString(1), rs.getString(2))).list();
        return new Existing(found, owners);
    }

    /**
     * A barcode already on another item is refused unless that item is in the file too without it (the file moves it);
     * a new item needs a tax category. Barcode refusals come first, in line order, then the tax ones.
     */
    private static List<CatalogCsv.Refused> databaseRefusals(List<CatalogCsv.Item> items, Existing ex) {
        Map<String, CatalogCsv.Item> byCode = new HashMap<>();
        for (CatalogCsv.Item i : items) byCode.put(i.code(), i);
        List<CatalogCsv.Refused> out = new ArrayList<>();
        if (!ex.barcodeOwner().isEmpty()) {
            for (CatalogCsv.Item i : items) {
                for (String b : i.barcodes()) {
                    String owner = ex.barcodeOwner().get(b);
                    if (owner == null || owner.equals(i.code())) continue;
                    CatalogCsv.Item ownerInFile = byCode.get(owner);
                    if (ownerInFile != null && !ownerInFile.barcodes().contains(b)) continue;
                    out.add(new CatalogCsv.Refused(i.line(), "barcodes", i.code(), "barcode " + b + " of item " + i.code() + " is already on item " + owner
                            + "; remove it there first or fix the barcode."));
                }
            }
        }
        for (CatalogCsv.Item i : items) {
            if (i.tax() == null && !ex.codes().contains(i.code())) {
                out.add(new CatalogCsv.Refused(i.line(), "tax", i.code(), "item " + i.code() + " is new, so it needs a tax category (add a tax column)."));
            }
        }
        return out;
    }

    /** Only items that exist are staged (to be classified); no keys: codes, barcodes and (code, list) are unique already. */
    private static void stage(Handle h, List<CatalogCsv.Item> items) {
        h.execute("create temp table imp_item (line int, code text, name text, category text, unit text, tax text, active boolean) on commit drop");
        h.execute("create temp table imp_barcode (line int, code text, barcode text) on commit drop");
        h.execute("create temp table imp_price (item_code text, price_list text, price_minor bigint) on commit drop");
        if (items.isEmpty()) return;
        CopyIn it = CopyIn.into("imp_item", "line", "code", "name", "category", "unit", "tax", "active");
        CopyIn bc = CopyIn.into("imp_barcode", "line", "code", "barcode");
        CopyIn pr = CopyIn.into("imp_price", "item_code", "price_list", "price_minor");
        for (CatalogCsv.Item i : items) {
            it.number(i.line()).text(i.code()).text(i.name()).text(i.category()).text(i.unit()).text(i.tax()).text(i.active() ? "t" : "f").endRow();
            for (String b : i.barcodes()) bc.number(i.line()).text(i.code()).text(b).endRow();
            i.prices().forEach((list, minor) -> pr.text(i.code()).text(list).number(minor).endRow());
        }
        it.execute(h);
        bc.execute(h);
        pr.execute(h);
        h.execute("analyze imp_item");
        h.execute("analyze imp_barcode");
        h.execute("analyze imp_price");
    }

    /** imp_class: per staged (existing) item updated or unchanged; barcode sets and price differences aggregated once, then hash-joined. */
    private static void classify(Handle h) {
        h.execute("""
                create temp table imp_class on commit drop as
                select s.code,
                       case when i.name is distinct from s.name or i.category is distinct from s.category or i.unit <> s.unit
                              or i.tax_category <> coalesce(s.tax, i.tax_category) or i.active <> s.active
                              or coalesce(cb.list, '{}') <> coalesce(nb.list, '{}') or pd.item_code is not null
                            then 'updated' else 'unchanged' end as action
                from imp_item s
                join item i on i.code = s.code
                left join (select b.item_code, array_agg(b.barcode order by b.barcode) as list from item_barcode b
                           where b.item_code in (select code from imp_item) group by b.item_code) cb on cb.item_code = s.code
                left join (select code, array_agg(barcode order by barcode) as list from imp_barcode group by code) nb on nb.code = s.code
                left join (select distinct p.item_code from imp_price p
                           left join item_price q on q.price_list = p.price_list and q.item_code = p.item_code
                           where q.price_minor is distinct from p.price_minor) pd on pd.item_code = s.code
                """);
    }

    /**
     * The audited state (name, category, unit, tax, active, barcodes, prices) of the items {@code codes} selects, read
     * from the live tables with one aggregate per child table instead of two subqueries per item.
     */
    private static String states(String codes) {
        return """
                select i.code, jsonb_build_object('name', i.name, 'category', i.category, 'unit', i.unit, 'taxCategory', i.tax_category,
                       'active', i.active, 'barcodes', coalesce(b.list, '[]'), 'prices', coalesce(p.map, '{}')) as data
                from item i
                left join (select item_code, jsonb_agg(barcode order by barcode collate "C") as list from item_barcode
                           where item_code in (CODES) group by item_code) b on b.item_code = i.code
                left join (select item_code, jsonb_object_agg(price_list, price_minor) as map from item_price
                           where item_code in (CODES) group by item_code) p on p.item_code = i.code
                where i.code in (CODES)""".replace("CODES", codes);
    }

    /**
     * Updated items first (their old barcodes go, so a barcode the file moves is free), then the new items COPYed
     * straight into item, item_barcode and item_price; then one audit statement and one feed publication for all.
     */
    private void apply(Handle h, String actor, List<CatalogCsv.Item> fresh, int updated, Phases t) {
        if (fresh.isEmpty() && updated == 0) return;
        if (updated > 0) {
            h.execute("create temp table imp_old on commit drop as " + states("select code from imp_class where action = 'updated'"));
            h.execute("""
                    update item i set name = s.name, category = s.category, unit = s.unit, tax_category = coalesce(s.tax, i.tax_category),
                           active = s.active, version = i.version + 1, updated_at = now()
                    from imp_item s join imp_class c on c.code = s.code and c.action = 'updated' where i.code = s.code""");
            h.execute("""
                    delete from item_barcode b using imp_class c
                    where c.action = 'updated' and b.item_code = c.code""");
            h.execute("""
                    delete from item_barcode b using imp_barcode s join imp_class c on c.code = s.code and c.action = 'updated'
                    where b.barcode = s.barcode and b.item_code <> s.code""");
            h.execute("""
                    insert into item_barcode (barcode, item_code)
                    select s.barcode, s.code from imp_barcode s join imp_class c on c.code = s.code and c.action = 'updated'""");
            h.execute("""
                    insert into item_price (price_list, item_code, price_minor)
                    select p.price_list, p.item_code, p.price_minor from imp_price p join imp_class c on c.code = p.item_code and c.action = 'updated'
                    on conflict (price_list, item_code) do update set price_minor = excluded.price_minor""");
            t.lap("write updated items");
        }
        if (!fresh.isEmpty()) {
            // A barcode a new item takes from an existing one passed the refusals only because that item is updated
            // without it, so its barcodes were deleted above: the COPY cannot collide.
            CopyIn it = CopyIn.into("item", "code", "name", "category", "unit", "tax_category", "active");
            CopyIn bc = CopyIn.into("item_barcode", "barcode", "item_code");
            CopyIn pr = CopyIn.into("item_price", "price_list", "item_code", "price_minor");
            for (CatalogCsv.Item i : fresh) {
                it.text(i.code()).text(i.name()).text(i.category()).text(i.unit()).text(i.tax()).text(i.active() ? "t" : "f").endRow();
                for (String b : i.barcodes()) bc.text(b).text(i.code()).endRow();
                i.prices().forEach((list, minor) -> pr.text(list).text(i.code()).number(minor).endRow());
            }
            t.lap("build copy");
            it.execute(h);
            t.lap("insert items");
            bc.execute(h);
            t.lap("insert barcodes");
            pr.execute(h);
            t.lap("insert prices");
        }
        if (updated > 0) {
            h.createUpdate("""
                    insert into audit_log (actor, entity, key, action, old_data, new_data)
                    select :actor, 'item', n.code, 'import', o.data, n.data
                    from (%s) n join imp_old o on o.code = n.code
                    order by n.code""".formatted(states("select code from imp_class where action = 'updated'")))
                    .bind("actor", actor).execute();
        }
        if (!fresh.isEmpty()) {
            // A new item's state is exactly its file row, so its audit row is written from memory, not read back.
            CopyIn au = CopyIn.into("audit_log", "actor", "entity", "key", "action", "old_data", "new_data");
            for (CatalogCsv.Item i : fresh) au.text(actor).text("item").text(i.code()).text("import").text(null).text(state(i)).endRow();
            au.execute(h);
        }
        t.lap("audit rows");
        List<String> changed = new ArrayList<>(fresh.size() + updated);
        for (CatalogCsv.Item i : fresh) changed.add(i.code());
        if (updated > 0) changed.addAll(h.createQuery("select code from imp_class where action = 'updated'").mapTo(String.class).list());
        feed.publish(h, changed);
        t.lap("feed publish");
    }

    /** The audited state of a new item, the same fields and order as {@link #states}; jsonb normalises the rest. */
    private static String state(CatalogCsv.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("category", i.category());
        m.put("unit", i.unit());
        m.put("taxCategory", i.tax());
        m.put("active", i.active());
        m.put("barcodes", i.barcodes()); // sorted by CatalogCsv: the "C" collation order states() uses
        m.put("prices", i.prices());
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit state of item " + i.code(), e);
        }
    }

    /** Lap times of one import, in the order the phases ran. */
    private static final class Phases {
        final Map<String, Long> nanos = new LinkedHashMap<>();
        long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            nanos.merge(phase, now - last, Long::sum);
            last = now;
        }
    }
}
