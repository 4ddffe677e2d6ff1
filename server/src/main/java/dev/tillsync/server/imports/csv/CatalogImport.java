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
 * Applies a catalogue CSV all or nothing in one transaction, set-based: the parsed rows are COPYed into temporary
 * staging tables (items, barcodes and prices flat, analyzed so the planner joins them by hash), classified created /
 * updated / unchanged against item, item_barcode and item_price in SQL, and only the changed items are written, audited
 * (one audit_log row each) and published to the pull feed, every step one statement for the whole file. Invariant: an
 * unchanged item is not touched (no version bump, no audit, no feed record), so the same file twice writes nothing.
 * Prices for lists the file does not name are kept.
 */
public final class CatalogImport {
    /** What an import did or, in a dry run, would do. */
    public record Result(int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied) {}

    /** An import's result and where its time went, phase by phase in the order they ran (for the benchmark). */
    public record Timed(Result result, Map<String, Long> phaseNanos) {}

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
            List<CatalogCsv.Refused> refused = new ArrayList<>(p.refused());
            stage(h, p.items());
            t.lap("stage (copy)");
            refused.addAll(databaseRefusals(h));
            refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
            t.lap("barcode/tax refusals");
            classify(h);
            Map<String, Integer> counts = h.createQuery("select action, count(*) as n from imp_class group by action")
                    .reduceRows(new HashMap<String, Integer>(), (m, rv) -> { m.put(rv.getColumn("action", String.class), rv.getColumn("n", Integer.class)); return m; });
            int created = counts.getOrDefault("created", 0), updated = counts.getOrDefault("updated", 0), unchanged = counts.getOrDefault("unchanged", 0);
            t.lap("classify");
            if (!refused.isEmpty() || dryRun) {
                h.rollback();
                return new Result(created, updated, unchanged, List.copyOf(refused), false);
            }
            apply(h, actor, created, updated, t);
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

    /** No keys on the staging tables: the codes, barcodes and (code, list) pairs are unique already (CatalogCsv refuses repeats). */
    private static void stage(Handle h, List<CatalogCsv.Item> items) {
        h.execute("create temp table imp_item (line int, code text, name text, category text, unit text, tax text, active boolean) on commit drop");
        h.execute("create temp table imp_barcode (line int, code text, barcode text) on commit drop");
        h.execute("create temp table imp_price (item_code text, price_list text, price_minor bigint) on commit drop");
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

    /**
     * A barcode already on another item is refused unless that item is in the file too without it (the file moves it).
     * Written as joins on the flat staging tables: the old array form made the planner loop over every staged item.
     */
    private static List<CatalogCsv.Refused> databaseRefusals(Handle h) {
        List<CatalogCsv.Refused> out = new ArrayList<>(h.createQuery("""
                        select s.line, s.code, b.barcode, b.item_code
                        from imp_barcode s join item_barcode b on b.barcode = s.barcode
                        where b.item_code <> s.code
                          and not (exists (select 1 from imp_item o where o.code = b.item_code)
                                   and not exists (select 1 from imp_barcode ob where ob.code = b.item_code and ob.barcode = b.barcode))
                        order by s.line, s.barcode""")
                .map((rs, c) -> new CatalogCsv.Refused(rs.getInt(1), "barcodes", rs.getString(2), "barcode " + rs.getString(3)
                        + " is already on item " + rs.getString(4) + "; remove it there first or fix the barcode."))
                .list());
        out.addAll(h.createQuery("""
                        select s.line, s.code from imp_item s
                        where s.tax is null and not exists (select 1 from item i where i.code = s.code) order by s.line""")
                .map((rs, c) -> new CatalogCsv.Refused(rs.getInt(1), "tax", rs.getString(2), "item " + rs.getString(2)
                        + " is new, so it needs a tax category (add a tax column)."))
                .list());
        return out;
    }

    /** imp_class: per staged item its action; barcode sets and price differences are aggregated once, then hash-joined. */
    private static void classify(Handle h) {
        h.execute("""
                create temp table imp_class on commit drop as
                select s.code,
                       case when i.code is null then 'created'
                            when i.name is distinct from s.name or i.category is distinct from s.category or i.unit <> s.unit
                              or i.tax_category <> coalesce(s.tax, i.tax_category) or i.active <> s.active
                              or coalesce(cb.list, '{}') <> coalesce(nb.list, '{}') or pd.item_code is not null
                            then 'updated' else 'unchanged' end as action
                from imp_item s
                left join item i on i.code = s.code
                left join (select b.item_code, array_agg(b.barcode order by b.barcode) as list from item_barcode b
                           where b.item_code in (select code from imp_item) group by b.item_code) cb on cb.item_code = s.code
                left join (select code, array_agg(barcode order by barcode) as list from imp_barcode group by code) nb on nb.code = s.code
                left join (select distinct p.item_code from imp_price p
                           left join item_price q on q.price_list = p.price_list and q.item_code = p.item_code
                           where q.price_minor is distinct from p.price_minor) pd on pd.item_code = s.code
                """);
        h.execute("analyze imp_class");
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
                left join (select item_code, jsonb_agg(barcode order by barcode) as list from item_barcode
                           where item_code in (CODES) group by item_code) b on b.item_code = i.code
                left join (select item_code, jsonb_object_agg(price_list, price_minor) as map from item_price
                           where item_code in (CODES) group by item_code) p on p.item_code = i.code
                where i.code in (CODES)""".replace("CODES", codes);
    }

    /** Every statement touches only created or updated items; statements with nothing to do are skipped. */
    private void apply(Handle h, String actor, int created, int updated, Phases t) {
        if (created + updated == 0) return;
        String changedCodes = "select code from imp_class where action <> 'unchanged'";
        if (updated > 0) {
            h.execute("create temp table imp_old on commit drop as " + states("select code from imp_class where action = 'updated'"));
            h.execute("""
                    update item i set name = s.name, category = s.category, unit = s.unit, tax_category = coalesce(s.tax, i.tax_category),
                           active = s.active, version = i.version + 1, updated_at = now()
                    from imp_item s join imp_class c on c.code = s.code and c.action = 'updated' where i.code = s.code""");
            h.execute("""
                    delete from item_barcode b using imp_class c
                    where c.action = 'updated' and b.item_code = c.code""");
            t.lap("write updated items");
        }
        if (created > 0) {
            h.execute("""
                    insert into item (code, name, category, unit, tax_category, active)
                    select s.code, s.name, s.category, s.unit, s.tax, s.active from imp_item s join imp_class c on c.code = s.code and c.action = 'created'""");
            t.lap("insert items");
        }
        // An unchanged item's barcodes are already its own, so only changed items can take a barcode from another item.
        h.execute("""
                delete from item_barcode b using imp_barcode s join imp_class c on c.code = s.code and c.action <> 'unchanged'
                where b.barcode = s.barcode and b.item_code <> s.code""");
        h.execute("""
                insert into item_barcode (barcode, item_code)
                select s.barcode, s.code from imp_barcode s join imp_class c on c.code = s.code and c.action <> 'unchanged'""");
        t.lap("insert barcodes");
        if (created > 0) {
            h.execute("""
                    insert into item_price (price_list, item_code, price_minor)
                    select p.price_list, p.item_code, p.price_minor from imp_price p join imp_class c on c.code = p.item_code and c.action = 'created'""");
        }
        if (updated > 0) {
            h.execute("""
                    insert into item_price (price_list, item_code, price_minor)
                    select p.price_list, p.item_code, p.price_minor from imp_price p join imp_class c on c.code = p.item_code and c.action = 'updated'
                    on conflict (price_list, item_code) do update set price_minor = excluded.price_minor""");
        }
        t.lap("insert prices");
        h.createUpdate("""
                insert into audit_log (actor, entity, key, action, old_data, new_data)
                select :actor, 'item', c.code, 'import', %s, n.data
                from imp_class c join (%s) n on n.code = c.code %s
                where c.action <> 'unchanged' order by c.code"""
                .formatted(updated > 0 ? "o.data" : "null::jsonb", states(changedCodes), updated > 0 ? "left join imp_old o on o.code = c.code" : ""))
                .bind("actor", actor).execute();
        t.lap("audit rows");
        List<String> changed = h.createQuery(changedCodes + " order by code").mapTo(String.class).list();
        feed.publish(h, changed);
        t.lap("feed publish");
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
