package dev.tillsync.terminal.catalog;

import dev.tillsync.terminal.Item;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Items as pulled, looked up by code or barcode, with local stock. */
public final class ItemCatalog {
    private ItemCatalog() {}

    private static final String SELECT = """
            select i.code, i.name, i.price_minor, i.tax_rate_bp, i.active, i.unit, i.prices_include_tax,
                   (select group_concat(b.barcode, ' ') from item_barcode b where b.item_code = i.code) as barcodes,
                   coalesce((select coalesce(s.qty_milli, s.qty * 1000) from server_stock s where s.item_code = i.code), 0)
                     - coalesce((select sum(l.qty_milli) from invoice_line l where l.item_code = i.code and l.stock_pending = 1), 0)
                     as local_stock_milli
            from item i
            """;

    /** Finds an item by its code, else by one of its barcodes. */
    public static Optional<Item> find(Handle h, String codeOrBarcode) {
        if (codeOrBarcode == null || codeOrBarcode.isBlank()) return Optional.empty();
        Optional<Item> byCode = h.createQuery(SELECT + " where i.code = :c").bind("c", codeOrBarcode.trim()).map(ItemCatalog::map).findOne();
        if (byCode.isPresent()) return byCode;
        return h.createQuery(SELECT + " where i.code = (select item_code from item_barcode where barcode = :c)")
                .bind("c", codeOrBarcode.trim()).map(ItemCatalog::map).findOne();
    }

    /** What a sale needs of an item: no barcodes list, no local stock (those cost two sub-queries per line). */
    public record Priced(String code, String name, long priceMinor, int taxRateBp, boolean active, String unit, boolean pricesIncludeTax) {
        public Priced(String code, String name, long priceMinor, int taxRateBp, boolean active) {
            this(code, name, priceMinor, taxRateBp, active, "unit", false);
        }
    }

    /**
     * The items to sell for a cart's scanned or typed codes or barcodes, in one statement (one SQL text for any
     * cart size: the codes travel as a JSON array): element i is the item for {@code codesOrBarcodes.get(i)}
     * (trimmed), or empty; an item code wins over another item's barcode.
     */
    public static List<Optional<Priced>> pricedAll(Handle h, List<String> codesOrBarcodes) {
        List<String> wanted = codesOrBarcodes.stream().map(c -> c == null ? "" : c.trim()).toList();
        String array;
        try {
            array = CODES_JSON.writeValueAsString(wanted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record Match(int at, boolean byBarcode, Priced item) {}
        List<Match> matches = h.createQuery("""
                        select w.key, 0, i.code, i.name, i.price_minor, i.tax_rate_bp, i.active, i.unit, i.prices_include_tax
                        from json_each(:codes) w join item i on i.code = w.value
                        union all
                        select w.key, 1, i.code, i.name, i.price_minor, i.tax_rate_bp, i.active, i.unit, i.prices_include_tax
                        from json_each(:codes) w join item_barcode b on b.barcode = w.value join item i on i.code = b.item_code
                        """).bind("codes", array)
                .map((rs, ctx) -> new Match(rs.getInt(1), rs.getInt(2) == 1,
                        new Priced(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getInt(7) == 1,
                                rs.getString(8), rs.getInt(9) == 1)))
                .list();
        Priced[] byCode = new Priced[wanted.size()], byBarcode = new Priced[wanted.size()];
        for (Match m : matches) {
            Priced[] into = m.byBarcode() ? byBarcode : byCode;
            if (into[m.at()] == null) into[m.at()] = m.item();
        }
        List<Optional<Priced>> out = new java.util.ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            out.add(wanted.get(i).isEmpty() ? Optional.empty() : Optional.ofNullable(byCode[i] != null ? byCode[i] : byBarcode[i]));
        }
        return out;
    }

    /** An item's price on a price list other than the profile's (a customer's list). */
    public record ListPrice(String itemCode, long priceMinor, boolean pricesIncludeTax) {}

    /** The prices list {@code priceList} has for {@code itemCodes}, by item code, in one statement. */
    public static java.util.Map<String, ListPrice> listPrices(Handle h, String priceList, List<String> itemCodes) {
        if (itemCodes.isEmpty()) return java.util.Map.of();
        String array;
        try {
            array = CODES_JSON.writeValueAsString(itemCodes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        java.util.Map<String, ListPrice> out = new java.util.HashMap<>();
        h.createQuery("""
                select p.item_code, p.price_minor, p.prices_include_tax from item_price p
                where p.price_list = :list and p.item_code in (select value from json_each(:codes))
                """).bind("list", priceList).bind("codes", array)
                .map((rs, ctx) -> new ListPrice(rs.getString(1), rs.getLong(2), rs.getInt(3) == 1))
                .forEach(p -> out.put(p.itemCode(), p));
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CODES_JSON = dev.tillsync.core.json.Json.mapper();

    /**
     * Active items whose code, name or barcode contains {@code text} (case-insensitive), in code order.
     * The escape character is '!' rather than a backslash: JDBI's SQL lexer reads a backslash between quotes as an escaped
     * quote and then mis-numbers the parameters that follow.
     */
    public static List<Item> search(Handle h, String text, int limit) {
        String like = "%" + escapeLike(text == null ? "" : text.trim().toLowerCase()) + "%";
        return h.createQuery(SELECT + """
                 where i.active = 1 and (lower(i.code) like :like escape '!' or lower(i.name) like :like escape '!'
                    or exists (select 1 from item_barcode b where b.item_code = i.code and lower(b.barcode) like :like escape '!'))
                 order by i.code limit :limit
                """).bind("like", like).bind("limit", Math.max(0, limit)).map(ItemCatalog::map).list();
    }

    /** Makes the user's text match literally inside a LIKE pattern with ESCAPE '!'. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Item map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        String barcodes = rs.getString("barcodes");
        return new Item(rs.getString("code"), rs.getString("name"),
                barcodes == null ? List.of() : List.of(barcodes.split(" ")), rs.getLong("price_minor"), rs.getInt("tax_rate_bp"),
                rs.getInt("active") == 1, rs.getLong("local_stock_milli") / 1000, rs.getString("unit"), rs.getInt("prices_include_tax") == 1,
                rs.getLong("local_stock_milli"));
    }
}
