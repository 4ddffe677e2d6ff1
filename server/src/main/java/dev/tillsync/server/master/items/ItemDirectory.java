package dev.tillsync.server.master.items;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.refusal.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads items for the API and the console; ordered by code (the primary key), so paging is index-backed and stable. */
public final class ItemDirectory {
    public static final int MAX_LIMIT = 200;

    private final Jdbi jdbi;

    public ItemDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A page of items matching {@code q} (prefix of code, name or a barcode, any case), a category and an active flag. */
    public List<ItemView> list(String q, String category, Boolean active, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw Refusal.invalid("invalid_limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        if (offset < 0) throw Refusal.invalid("invalid_offset", "offset must not be negative.");
        String prefix = q == null || q.isBlank() ? null : q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> {
            List<String> codes = h.createQuery("""
                            select i.code from item i
                            where (cast(:q as text) is null or lower(i.code) like lower(:q) or lower(i.name) like lower(:q)
                                   or exists (select 1 from item_barcode b where b.item_code = i.code and lower(b.barcode) like lower(:q)))
                              and (cast(:cat as text) is null or i.category = :cat)
                              and (cast(:active as boolean) is null or i.active = :active)
                            order by i.code offset :off limit :lim
                            """)
                    .bind("q", prefix).bind("cat", category == null || category.isBlank() ? null : category)
                    .bind("active", active).bind("off", offset).bind("lim", limit)
                    .mapTo(String.class).list();
            return codes.stream().map(c -> read(h, c).orElseThrow()).toList();
        });
    }

    public ItemView get(String code) {
        return jdbi.withHandle(h -> read(h, code)).orElseThrow(() -> Refusal.notFound("Item '" + code + "' does not exist."));
    }

    /** The item as the API shows it, read inside the caller's transaction. */
    public Optional<ItemView> read(Handle h, String code) {
        return h.createQuery("select code, name, category, unit, tax_category, active, version from item where code = :c")
                .bind("c", code)
                .map((rs, ctx) -> new ItemView(rs.getString("code"), rs.getString("name"), rs.getString("category"),
                        rs.getString("unit"), rs.getString("tax_category"), rs.getBoolean("active"), rs.getInt("version"),
                        barcodes(h, code), prices(h, code), stock(h, code)))
                .findOne();
    }

    private static List<String> barcodes(Handle h, String code) {
        return h.createQuery("select barcode from item_barcode where item_code = :c order by barcode").bind("c", code).mapTo(String.class).list();
    }

    private static List<ItemView.Price> prices(Handle h, String code) {
        return h.createQuery("""
                        select p.price_list, p.price_minor, l.currency_digits from item_price p join price_list l on l.name = p.price_list
                        where p.item_code = :c order by p.price_list
                        """).bind("c", code)
                .map((rs, ctx) -> new ItemView.Price(rs.getString("price_list"),
                        BigDecimal.valueOf(rs.getLong("price_minor"), rs.getInt("currency_digits")).toPlainString(), rs.getLong("price_minor")))
                .list();
    }

    private static List<ItemView.Stock> stock(Handle h, String code) {
        return h.createQuery("select warehouse, qty_milli from stock where item_code = :c order by warehouse").bind("c", code)
                .map((rs, ctx) -> new ItemView.Stock(rs.getString("warehouse"), Unit.format(rs.getLong("qty_milli")), rs.getLong("qty_milli")))
                .list();
    }
}
