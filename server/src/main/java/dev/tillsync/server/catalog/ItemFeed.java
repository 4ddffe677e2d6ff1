package dev.tillsync.server.catalog;

import dev.tillsync.server.db.ChangeFeed;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Publishes items to the pull feed: one record per item and price list that prices it (scope = the list's name), so a
 * till reads its own list's prices and a price change touches one record. An item without a price in a list is not
 * sold under it: its record there is deleted (never sent at price 0).
 *
 * <p>Invariant: after {@link #publish} the feed holds, for each given item, exactly the (list, item) records its
 * item_price rows call for, with the item's current name, barcodes, unit, category, tax rate and active flag. Set-based
 * (two statements for any number of items), so an import of 50,000 items publishes in one pass. Callers hold the
 * change-feed lock or let this take it.
 */
public final class ItemFeed {
    private static final String PUT = """
            insert into change_state (entity, scope, key, seq, deleted, data)
            select 'item', p.price_list, i.code, nextval('change_seq'), false, json_build_object(
                       'code', i.code, 'name', i.name,
                       'barcodes', coalesce((select json_agg(b.barcode order by b.barcode) from item_barcode b where b.item_code = i.code), '[]'::json),
                       'priceMinor', p.price_minor, 'taxRateBp', t.rate_bp, 'active', i.active, 'unit', i.unit,
                       'category', i.category, 'taxCategory', i.tax_category, 'priceList', p.price_list,
                       'pricesIncludeTax', l.prices_include_tax)::text
            from item i
            join item_price p on p.item_code = i.code
            join price_list l on l.name = p.price_list
            join tax_category t on t.name = i.tax_category
            where %s
            order by i.code, p.price_list
            on conflict (entity, scope, key) do update set seq = excluded.seq, deleted = false, data = excluded.data
            """;
    private static final String DELETE_UNPRICED = """
            update change_state c set seq = nextval('change_seq'), deleted = true, data = null
            where c.entity = 'item' and not c.deleted and %s
              and not exists (select 1 from item_price p where p.price_list = c.scope and p.item_code = c.key)
            """;

    /** Over this many items one aggregate of their barcodes beats a subquery per (item, list) record. */
    private static final int GROUPED_FROM = 1000;
    /** {@link #PUT} with the items' barcodes aggregated once (same records, for an import's thousands of items). */
    private static final String PUT_GROUPED = grouped();

    private final ChangeFeed feed;

    private static String grouped() {
        String sub = "coalesce((select json_agg(b.barcode order by b.barcode) from item_barcode b where b.item_code = i.code), '[]'::json)";
        String join = "join tax_category t on t.name = i.tax_category";
        if (!PUT.contains(sub) || !PUT.contains(join)) throw new IllegalStateException("ItemFeed.PUT changed; update grouped() with it");
        return PUT.replace(sub, "coalesce(bc.list, '[]'::json)").replace(join, join + """

                left join (select b.item_code, json_agg(b.barcode order by b.barcode) as list from item_barcode b
                           where b.item_code = any(:codes) group by b.item_code) bc on bc.item_code = i.code""");
    }

    public ItemFeed(ChangeFeed feed) {
        this.feed = feed;
    }

    /** Publishes the given items (codes that do not exist are skipped); returns the records written. */
    public int publish(Handle h, List<String> codes) {
        if (codes.isEmpty()) return 0;
        feed.lock(h);
        String put = codes.size() >= GROUPED_FROM ? PUT_GROUPED : PUT;
        int n = h.createUpdate(put.formatted("i.code = any(:codes)")).bindArray("codes", String.class, codes).execute();
        return n + h.createUpdate(DELETE_UNPRICED.formatted("c.key = any(:codes)")).bindArray("codes", String.class, codes).execute();
    }

    /** Publishes every item priced in {@code priceList} (after the list itself changed, e.g. prices-include-tax). */
    public int publishList(Handle h, String priceList) {
        feed.lock(h);
        return h.createUpdate(PUT.formatted("p.price_list = :list")).bind("list", priceList).execute();
    }

    /** Publishes every item of a tax category (after its rate changed). */
    public int publishTaxCategory(Handle h, String taxCategory) {
        feed.lock(h);
        return h.createUpdate(PUT.formatted("i.tax_category = :tax")).bind("tax", taxCategory).execute();
    }

    /** Publishes every item (a full republication; also what the V8 migration did once). */
    public int publishAll(Handle h) {
        feed.lock(h);
        int n = h.createUpdate(PUT.formatted("true")).execute();
        return n + h.createUpdate(DELETE_UNPRICED.formatted("true")).execute();
    }
}
