package dev.tillsync.server.imports.csv;

import dev.tillsync.server.catalog.ItemFeed;
import dev.tillsync.server.db.CopyIn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a catalogue CSV all or nothing in one transaction, set-based: the parsed rows are COPYed into temporary
 * staging tables, classified created / updated / unchanged against item, item_barcode and item_price in SQL, and only
 * the changed items are written, audited (one audit_log row each) and published to the pull feed. Invariant: an
 * unchanged item is not touched (no version bump, no audit, no feed record), so the same file twice writes nothing.
 * Prices for lists the file does not name are kept.
 */
public final class CatalogImport {
    /** What an import did or, in a dry run, would do. */
    public record Result(int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied) {}

    private final Jdbi jdbi;
    private final ItemFeed feed;

    public CatalogImport(Jdbi jdbi, ItemFeed feed) {
        this.jdbi = jdbi;
        this.feed = feed;
    }

    public Result run(byte[] csv, String actor, boolean dryRun) {
        CsvFile file = CsvFile.parse(csv);
        return jdbi.inTransaction(h -> {
            CatalogCsv.Parsed p = CatalogCsv.parse(file, lookups(h));
            List<CatalogCsv.Refused> refused = new ArrayList<>(p.refused());
            stage(h, p.items());
            refused.addAll(databaseRefusals(h));
            refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
            classify(h);
            Map<String, Integer> counts = h.createQuery("select action, count(*) as n from imp_class group by action")
                    .reduceRows(new java.util.HashMap<String, Integer>(), (m, rv) -> { m.put(rv.getColumn("action", String.class), rv.getColumn("n", Integer.class)); return m; });
            int created = counts.getOrDefault("created", 0), updated = counts.getOrDefault("updated", 0), unchanged = counts.getOrDefault("unchanged", 0);
            if (!refused.isEmpty() || dryRun) {
                h.rollback();
                return new Result(created, updated, unchanged, List.copyOf(refused), false);
            }
            apply(h, actor);
            return new Result(created, updated, unchanged, List.of(), true);
        });
    }

    private static CatalogCsv.Lookups lookups(Handle h) {
        Set<String> cats = new HashSet<>(h.createQuery("select name from category where active").mapTo(String.class).list());
        Set<String> taxes = new HashSet<>(h.createQuery("select name from tax_category where active").mapTo(String.class).list());
        Map<String, CatalogCsv.PriceList> lists = h.createQuery("select name, currency, currency_digits from price_list where active")
                .map((rs, c) -> new CatalogCsv.PriceList(rs.getString(1), rs.getString(2), rs.getInt(3))).list()
                .stream().collect(Collectors.toMap(CatalogCsv.PriceList::name, l -> l));
        return new CatalogCsv.Lookups(cats, taxes, lists);
    }

    private static void stage(Handle h, List<CatalogCsv.Item> items) {
        h.execute("create temp table imp_item (line int, code text primary key, name text, category text, unit text, tax text, active boolean, barcodes text[]) on commit drop");
        h.execute("create temp table imp_price (item_code text, price_list text, price_minor bigint, primary key (item_code, price_list)) on commit drop");
        CopyIn it = CopyIn.into("imp_item", "line", "code", "name", "category", "unit", "tax", "active", "barcodes");
        CopyIn pr = CopyIn.into("imp_price", "item_code", "price_list", "price_minor");
        for (CatalogCsv.Item i : items) {
            it.number(i.line()).text(i.code()).text(i.name()).text(i.category()).text(i.unit()).text(i.tax()).text(Boolean.toString(i.active()))
                    .text("{" + i.barcodes().stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(",")) + "}").endRow();
            i.prices().forEach((list, minor) -> pr.text(i.code()).text(list).number(minor).endRow());
        }
        it.execute(h);
        pr.execute(h);
        h.execute("analyze imp_item");
        h.execute("analyze imp_price");
    }

    private static List<CatalogCsv.Refused> databaseRefusals(Handle h) {
        List<CatalogCsv.Refused> out = new ArrayList<>(h.createQuery("""
                        select s.line, s.code, b.barcode, b.item_code
                        from imp_item s cross join unnest(s.barcodes) as u(barcode)
                        join item_barcode b on b.barcode = u.barcode
                        where b.item_code <> s.code
                          and not exists (select 1 from imp_item o where o.code = b.item_code and not (b.barcode = any(o.barcodes)))
                        order by s.line""")
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

    /** imp_class: per staged item its action and its state before (null when created). */
    private static void classify(Handle h) {
        h.execute("""
                create temp table imp_class on commit drop as
                select s.code,
                       case when i.code is null then 'created'
                            when i.name is distinct from s.name or i.category is distinct from s.category or i.unit <> s.unit
                              or i.tax_category <> coalesce(s.tax, i.tax_category) or i.active <> s.active
                              or coalesce((select array_agg(b.barcode order by b.barcode) from item_barcode b where b.item_code = i.code), '{}') <> s.barcodes
                              or exists (select 1 from imp_price p left join item_price q on q.item_code = p.item_code and q.price_list = p.price_list
                                         where p.item_code = s.code and q.price_minor is distinct from p.price_minor)
                            then 'updated' else 'unchanged' end as action,
                       case when i.code is null then null else %s end as old_data
                from imp_item s left join item i on i.code = s.code
                """.formatted(state("i")));
    }

    /** The audited state of the item aliased {@code a}, read from the live tables. */
    private static String state(String a) {
        return ("jsonb_build_object('name', A.name, 'category', A.category, 'unit', A.unit, 'taxCategory', A.tax_category, 'active', A.active, "
                + "'barcodes', coalesce((select jsonb_agg(b.barcode order by b.barcode) from item_barcode b where b.item_code = A.code), '[]'), "
                + "'prices', coalesce((select jsonb_object_agg(p.price_list, p.price_minor) from item_price p where p.item_code = A.code), '{}'))").replace("A.", a + ".");
    }

    private void apply(Handle h, String actor) {
        h.execute("""
                insert into item (code, name, category, unit, tax_category, active)
                select s.code, s.name, s.category, s.unit, s.tax, s.active from imp_item s join imp_class c on c.code = s.code and c.action = 'created'""");
        h.execute("""
                update item i set name = s.name, category = s.category, unit = s.unit, tax_category = coalesce(s.tax, i.tax_category),
                       active = s.active, version = i.version + 1, updated_at = now()
                from imp_item s join imp_class c on c.code = s.code and c.action = 'updated' where i.code = s.code""");
        h.execute("""
                delete from item_barcode b using imp_class c
                where c.action = 'updated' and b.item_code = c.code""");
        h.execute("""
                delete from item_barcode b using imp_item s cross join unnest(s.barcodes) as u(barcode)
                where b.barcode = u.barcode and b.item_code <> s.code""");
        h.execute("""
                insert into item_barcode (barcode, item_code)
                select u.barcode, s.code from imp_item s join imp_class c on c.code = s.code and c.action <> 'unchanged'
                cross join unnest(s.barcodes) as u(barcode)""");
        h.execute("""
                insert into item_price (price_list, item_code, price_minor)
                select p.price_list, p.item_code, p.price_minor from imp_price p join imp_class c on c.code = p.item_code and c.action <> 'unchanged'
                on conflict (price_list, item_code) do update set price_minor = excluded.price_minor""");
        h.createUpdate("""
                insert into audit_log (actor, entity, key, action, old_data, new_data)
                select :actor, 'item', c.code, 'import', c.old_data, %s
                from imp_class c join item i on i.code = c.code where c.action <> 'unchanged' order by c.code""".formatted(state("i")))
                .bind("actor", actor).execute();
        List<String> changed = h.createQuery("select code from imp_class where action <> 'unchanged' order by code").mapTo(String.class).list();
        feed.publish(h, changed);
    }
}
