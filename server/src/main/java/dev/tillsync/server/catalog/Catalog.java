package dev.tillsync.server.catalog;

import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.core.master.ShiftTypeData;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Master data as the rest of the server reads it (profiles, items under a price list, stock, shift types, customers),
 * and the few writes the demo seed, the benchmarks and ingest need. The back office's editing services are in
 * package {@code dev.tillsync.server.master}. Invariant: every write here also writes the record's new state to the
 * pull feed in the same transaction.
 */
public final class Catalog {
    /** The price list items go to when nobody names one (the demo's, and the one V8 made from single prices). */
    public static final String DEFAULT_PRICE_LIST = "Standard Selling";

    private final ChangeFeed feed;
    private final ItemFeed itemFeed;

    public Catalog(ChangeFeed feed) {
        this.feed = feed;
        this.itemFeed = new ItemFeed(feed);
    }

    public ItemFeed itemFeed() {
        return itemFeed;
    }

    // ---- profiles

    public record ProfileSpec(String name, String warehouse, String priceList, List<PaymentModeData> paymentModes,
                              String taxTemplate, String receiptHeader, String receiptFooter, String sellerName,
                              String sellerTaxNumber, long cashRoundingMinor, int maxDiscountBp, int pullIntervalSeconds,
                              ScaleLayout scaleLayout) {}

    /** Creates the profile (and its warehouse, price list and payment modes when missing), or returns it unchanged when one with that name exists. */
    public ProfileRecord ensureProfile(Handle h, ProfileSpec p) {
        Optional<ProfileRecord> existing = profileByName(h, p.name());
        if (existing.isPresent()) return existing.get();
        feed.lock(h);
        ensureWarehouse(h, p.warehouse());
        ensurePriceList(h, p.priceList(), "USD", 2, false);
        ScaleLayout s = p.scaleLayout();
        long id = h.createUpdate("""
                insert into pos_profile (name, warehouse, price_list, tax_template, receipt_header, receipt_footer, seller_name,
                    seller_tax_number, cash_rounding_minor, max_discount_bp, pull_interval_s,
                    scale_prefix, scale_item_digits, scale_value_digits, scale_value_decimals, scale_kind)
                values (:name, :warehouse, :priceList, :taxTemplate, :receiptHeader, :receiptFooter, :sellerName,
                    :sellerTaxNumber, :cashRoundingMinor, :maxDiscountBp, :pullIntervalSeconds,
                    :sp, :sid, :svd, :svdec, :sk)
                """)
                .bindMethods(p)
                .bind("sp", s == null ? null : s.prefix()).bind("sid", s == null ? null : s.itemDigits())
                .bind("svd", s == null ? null : s.valueDigits()).bind("svdec", s == null ? null : s.valueDecimals())
                .bind("sk", s == null ? null : s.kind())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        int position = 0;
        for (PaymentModeData m : p.paymentModes()) {
            h.createUpdate("""
                    insert into payment_mode (name, type, opens_drawer, requires_reference) values (:name, :type, :opensDrawer, :requiresReference)
                    on conflict (name) do nothing
                    """).bindMethods(m).execute();
            h.createUpdate("insert into pos_profile_payment_mode (profile_id, payment_mode, position) values (:p, :m, :pos)")
                    .bind("p", id).bind("m", m.name()).bind("pos", ++position).execute();
        }
        ProfileRecord r = profileById(h, id);
        feed.put(h, Entities.PROFILE, r.name(), r.name(), r.toData());
        return r;
    }

    private static final String PROFILE = """
            select p.*, l.currency, l.currency_digits, l.prices_include_tax from pos_profile p
            join price_list l on l.name = p.price_list
            """;

    public Optional<ProfileRecord> profileByName(Handle h, String name) {
        return h.createQuery(PROFILE + " where p.name = :n").bind("n", name).map((rs, c) -> profile(h, rs)).findOne();
    }

    public ProfileRecord profileById(Handle h, long id) {
        return h.createQuery(PROFILE + " where p.id = :id").bind("id", id).map((rs, c) -> profile(h, rs)).one();
    }

    private ProfileRecord profile(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<PaymentModeData> modes = h.createQuery("""
                        select m.name, m.type, m.opens_drawer, m.requires_reference from pos_profile_payment_mode pm
                        join payment_mode m on m.name = pm.payment_mode where pm.profile_id = :p order by pm.position, m.name
                        """).bind("p", id)
                .map((r, c) -> new PaymentModeData(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4))).list();
        String prefix = rs.getString("scale_prefix");
        ScaleLayout scale = prefix == null ? null : new ScaleLayout(prefix, rs.getInt("scale_item_digits"), rs.getInt("scale_value_digits"),
                rs.getInt("scale_value_decimals"), rs.getString("scale_kind"));
        return new ProfileRecord(id, rs.getString("name"), rs.getString("warehouse"), rs.getString("price_list"), modes,
                rs.getString("tax_template"), rs.getString("receipt_header"), rs.getString("receipt_footer"), rs.getInt("version"),
                rs.getString("currency"), rs.getInt("currency_digits"), rs.getBoolean("prices_include_tax"),
                rs.getString("seller_name"), rs.getString("seller_tax_number"), rs.getLong("cash_rounding_minor"),
                rs.getInt("max_discount_bp"), rs.getInt("pull_interval_s"), scale, rs.getBoolean("active"),
                rs.getString("receipt_logo"));
    }

    // ---- lookups the seed and the benchmarks create on the fly

    public void ensureWarehouse(Handle h, String name) {
        h.createUpdate("insert into warehouse (name) values (:n) on conflict (name) do nothing").bind("n", name).execute();
    }

    public void ensurePriceList(Handle h, String name, String currency, int digits, boolean pricesIncludeTax) {
        h.createUpdate("""
                insert into price_list (name, currency, currency_digits, prices_include_tax) values (:n, :c, :d, :inc)
                on conflict (name) do nothing
                """).bind("n", name).bind("c", currency).bind("d", digits).bind("inc", pricesIncludeTax).execute();
    }

    /** The tax category for a rate, made when missing: "Tax 15%" (1500 bp), "Zero rated" (0). */
    public String ensureTaxCategory(Handle h, int rateBp) {
        String name = rateBp == 0 ? "Zero rated" : "Tax " + java.math.BigDecimal.valueOf(rateBp, 2).stripTrailingZeros().toPlainString() + "%";
        h.createUpdate("insert into tax_category (name, rate_bp) values (:n, :r) on conflict (name) do nothing")
                .bind("n", name).bind("r", rateBp).execute();
        return name;
    }

    // ---- items and stock

    /**
     * Inserts or replaces an item, its barcodes and its price in {@code item.priceList()} (the default list when null),
     * making the tax category of its rate when missing; publishes it. For the seed and benchmarks: the back office
     * edits items through its services, which also audit.
     */
    public void upsertItem(Handle h, ItemData item) {
        feed.lock(h);
        String list = item.priceList() != null ? item.priceList() : DEFAULT_PRICE_LIST;
        ensurePriceList(h, list, "USD", 2, false);
        String tax = item.taxCategory() != null ? item.taxCategory() : ensureTaxCategory(h, item.taxRateBp());
        if (item.category() != null) {
            h.createUpdate("insert into category (name) values (:n) on conflict (name) do nothing").bind("n", item.category()).execute();
        }
        h.createUpdate("""
                insert into item (code, name, category, unit, tax_category, active) values (:code, :name, :category, :unit, :tax, :active)
                on conflict (code) do update set name = excluded.name, category = excluded.category, unit = excluded.unit,
                    tax_category = excluded.tax_category, active = excluded.active, version = item.version + 1, updated_at = now()
                """)
                .bindMethods(item).bind("tax", tax).execute();
        h.createUpdate("delete from item_barcode where item_code = :code").bind("code", item.code()).execute();
        for (String b : item.barcodes()) {
            h.createUpdate("insert into item_barcode (barcode, item_code) values (:b, :code)")
                    .bind("b", b).bind("code", item.code()).execute();
        }
        h.createUpdate("""
                insert into item_price (price_list, item_code, price_minor) values (:l, :c, :p)
                on conflict (price_list, item_code) do update set price_minor = excluded.price_minor
                """).bind("l", list).bind("c", item.code()).bind("p", item.priceMinor()).execute();
        itemFeed.publish(h, List.of(item.code()));
    }

    public boolean itemExists(Handle h, String code) {
        return h.createQuery("select exists (select 1 from item where code = :c)").bind("c", code).mapTo(Boolean.class).one();
    }

    /**
     * Items by code as sold under {@code priceList}, for the codes that exist. An item without a price in that list
     * comes with price 0 and {@code priceList} null, so ingest can flag it rather than guess a price.
     */
    public Map<String, ItemData> items(Handle h, String priceList, List<String> codes) {
        if (codes.isEmpty()) return Map.of();
        // = any(array), not an IN list: one statement text whatever the number of codes, so PostgreSQL keeps it
        // prepared (an IN list of N values is parsed and planned afresh for every N, a few ms per ingest batch).
        List<ItemData> rows = h.createQuery("""
                        select i.code, i.name, i.active, i.unit, i.category, i.tax_category, t.rate_bp, p.price_minor, p.price_list,
                               coalesce(l.prices_include_tax, false) as prices_include_tax,
                               coalesce((select string_agg(barcode, ',' order by barcode) from item_barcode b where b.item_code = i.code), '') as barcodes
                        from item i
                        join tax_category t on t.name = i.tax_category
                        left join item_price p on p.item_code = i.code and p.price_list = :list
                        left join price_list l on l.name = p.price_list
                        where i.code = any(:codes)
                        """)
                .bind("list", priceList).bindArray("codes", String.class, codes)
                .map((rs, c) -> new ItemData(rs.getString("code"), rs.getString("name"),
                        rs.getString("barcodes").isEmpty() ? List.of() : List.of(rs.getString("barcodes").split(",")),
                        rs.getLong("price_minor"), rs.getInt("rate_bp"), rs.getBoolean("active"), rs.getString("unit"),
                        rs.getString("category"), rs.getString("tax_category"), rs.getString("price_list"),
                        rs.getBoolean("prices_include_tax")))
                .list();
        return rows.stream().collect(Collectors.toMap(ItemData::code, Function.identity()));
    }

    /** Sets the stock level (thousandths of the item's unit); publishes it (so a level a push left unpublished is published now). */
    public void setStockMilli(Handle h, String warehouse, String itemCode, long qtyMilli) {
        feed.lock(h);
        ensureWarehouse(h, warehouse);
        h.createUpdate("""
                insert into stock (warehouse, item_code, qty_milli) values (:w, :i, :q)
                on conflict (warehouse, item_code) do update set qty_milli = excluded.qty_milli, unpublished = false
                """).bind("w", warehouse).bind("i", itemCode).bind("q", qtyMilli).execute();
        feed.put(h, Entities.STOCK, warehouse, itemCode, StockLevel.ofMilli(itemCode, warehouse, qtyMilli));
    }

    // ---- shift types

    public void ensureShiftType(Handle h, ShiftTypeData t) {
        feed.lock(h);
        int n = h.createUpdate("insert into shift_type (name, start_time, end_time) values (:name, :startTime, :endTime) on conflict (name) do nothing")
                .bindMethods(t).execute();
        if (n > 0) feed.put(h, Entities.SHIFT_TYPE, "", t.name(), t);
    }

    public boolean shiftTypeExists(Handle h, String name) {
        return h.createQuery("select exists (select 1 from shift_type where name = :n)").bind("n", name).mapTo(Boolean.class).one();
    }

    // ---- customers

    /**
     * Inserts a customer without publishing it; the caller publishes it to the pull feed in the same
     * transaction (batch ingest does so once, at the end of the batch). False when the number exists.
     */
    public boolean insertCustomerUnpublished(Handle h, CustomerData c, Long deviceId) {
        return h.createUpdate("""
                insert into customer (number, name, phone, email, tax_number, created_by_device) values (:n, :name, :phone, :email, :tax, :dev)
                on conflict (number) do nothing
                """)
                .bind("n", c.number()).bind("name", c.name()).bind("phone", c.phone()).bind("email", c.email())
                .bind("tax", c.taxNumber()).bind("dev", deviceId).execute() > 0;
    }

    public boolean customerExists(Handle h, String number) {
        return h.createQuery("select exists (select 1 from customer where number = :n)").bind("n", number).mapTo(Boolean.class).one();
    }

    /** Numbers of other customers with the same phone (digits compared), for duplicate flags. */
    public List<String> customersWithPhone(Handle h, String phone) {
        if (phone == null || phone.replaceAll("\\D", "").isEmpty()) return new ArrayList<>();
        return h.createQuery("select number from customer where regexp_replace(coalesce(phone, ''), '\\D', '', 'g') = :p order by number")
                .bind("p", phone.replaceAll("\\D", "")).mapTo(String.class).list();
    }
}
