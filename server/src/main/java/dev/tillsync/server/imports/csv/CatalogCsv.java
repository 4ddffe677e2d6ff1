package dev.tillsync.server.imports.csv;

import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalogue CSV ({@code code,name,category,unit,barcodes,tax,price,price_list,active}, order free) read into
 * items, every value checked with {@link ItemRules} and against the shop's categories, taxes and price lists.
 * Invariant: a row is either in an item or in {@code refused} with its physical line and column, never both; the
 * same code on several rows is one item whose non-price columns agree.
 */
public final class CatalogCsv {
    public static final List<String> COLUMNS = List.of("code", "name", "category", "unit", "barcodes", "tax", "price", "price_list", "active");
    private static final List<String> REQUIRED = List.of("code", "name", "price");
    public static final String DEFAULT_LIST = "Standard Selling";

    /** A price list as the import needs it. */
    public record PriceList(String name, String currency, int digits) {}

    /** The shop's reference data the rows are checked against. */
    public record Lookups(Set<String> categories, Set<String> taxes, Map<String, PriceList> lists) {}

    /** One refused row: its physical line, the column at fault (or null), the item code (or null) and why. */
    public record Refused(int line, String column, String code, String message) {
        public String text() {
            return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** One item of the file; {@code tax} is null when the column is absent (then the item must exist). */
    public record Item(int line, String code, String name, String category, String unit, List<String> barcodes, String tax,
                       boolean active, Map<String, Long> prices) {}

    public record Parsed(List<Item> items, List<Refused> refused, int rows) {}

    private CatalogCsv() {}

    /** Checks the header (refused as a whole when wrong) and every row. */
    public static Parsed parse(CsvFile file, Lookups look) {
        List<String> header = file.header();
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                throw Refusal.invalid("unknown_column", "Column '" + h + "' in the header is not a catalogue column; the columns are "
                        + String.join(",", COLUMNS) + ".");
            }
        }
        for (String r : REQUIRED) {
            if (!header.contains(r)) throw Refusal.invalid("missing_column", "The header has no '" + r + "' column; the catalogue needs code, name and price.");
        }
        if (new LinkedHashSet<>(header).size() != header.size()) throw Refusal.invalid("duplicate_column", "A column appears twice in the header.");
        if (file.rows().isEmpty()) throw Refusal.invalid("no_rows", "The file has a header but no rows; add one row per item and price list.");
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) at.put(header.get(i), i);

        List<Refused> refused = new ArrayList<>();
        Map<String, Item> items = new LinkedHashMap<>();
        Map<String, Integer> barcodeLine = new HashMap<>();
        Map<String, String> barcodeItem = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            String column = null; // a wrong field count is the row's fault, not one column's
            String code = null;
            try {
                if (row.fields().size() != header.size()) {
                    throw Refusal.invalid("field_count", "the row has " + row.fields().size() + " fields but the header has " + header.size() + ".");
                }
                column = "code";
                code = ItemRules.code(get(row, at, "code"));
                column = "name";
                String name = ItemRules.name("item", get(row, at, "name"));
                column = "category";
                String category = blankToNull(get(row, at, "category"));
                if (category != null && !look.categories().contains(category)) throw Refusal.invalid("unknown_category", "category '" + category + "' does not exist; create it first or fix the name.");
                column = "unit";
                String unit = ItemRules.unit(get(row, at, "unit")).code();
                column = "barcodes";
                List<String> barcodes = new ArrayList<>();
                String bc = get(row, at, "barcodes");
                if (bc != null && !bc.isBlank()) for (String b : bc.split("\\|")) if (!b.isBlank()) barcodes.add(ItemRules.barcode(b));
                barcodes = barcodes.stream().distinct().sorted().toList();
                column = "tax";
                String tax = at.containsKey("tax") ? blankToNull(get(row, at, "tax")) : null;
                if (tax != null && !look.taxes().contains(tax)) throw Refusal.invalid("unknown_tax", "tax category '" + tax + "' does not exist; " + (look.taxes().isEmpty()
                        ? "the shop has no tax categories yet: create it first (console: Catalogue > Taxes)." : "the shop's are " + look.taxes() + "."));
                column = "price_list";
                String listName = blankToNull(get(row, at, "price_list"));
                if (listName == null) listName = DEFAULT_LIST;
                PriceList list = look.lists().get(listName);
                if (list == null) throw Refusal.invalid("unknown_price_list", "price list '" + listName + "' does not exist; the shop's are " + look.lists().keySet() + ".");
                column = "price";
                long price = ItemRules.price(get(row, at, "price"), list.digits(), list.currency());
                column = "active";
                boolean active = bool(get(row, at, "active"));
                column = "barcodes";
                for (String b : barcodes) {
                    String other = barcodeItem.get(b);
                    if (other != null && !other.equals(code)) {
                        throw Refusal.invalid("duplicate_barcode", "barcode " + b + " is also on item " + other + " at line " + barcodeLine.get(b) + "; a barcode belongs to one item.");
                    }
                }
                Item prev = items.get(code);
                if (prev == null) {
                    Map<String, Long> prices = new LinkedHashMap<>();
                    prices.put(list.name(), price);
                    items.put(code, new Item(row.line(), code, name, category, unit, barcodes, tax, active, prices));
                } else {
                    column = null;
                    if (!prev.name().equals(name) || !Objects.equals(prev.category(), category) || !prev.unit().equals(unit)
                            || !prev.barcodes().equals(barcodes) || !Objects.equals(prev.tax(), tax) || prev.active() != active) {
                        throw Refusal.invalid("rows_disagree", "item " + code + " is also at line " + prev.line() + " with other name, category, unit, barcodes, tax or active; only price and price_list may differ between its rows.");
                    }
                    column = "price_list";
                    if (prev.prices().putIfAbsent(list.name(), price) != null) {
                        throw Refusal.invalid("duplicate_row", "item " + code + " already has a price in '" + list.name() + "' at line " + prev.line() + ".");
                    }
                }
                for (String b : barcodes) {
                    barcodeItem.putIfAbsent(b, code);
                    barcodeLine.putIfAbsent(b, row.line());
                }
            } catch (Refusal r) {
                refused.add(new Refused(row.line(), column, code, r.getMessage()));
            }
        }
        return new Parsed(List.copyOf(items.values()), List.copyOf(refused), file.rows().size());
    }

    private static String get(CsvFile.Row row, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null ? null : row.fields().get(i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean bool(String s) {
        if (s == null || s.isBlank()) return true;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> true;
            case "false", "no", "0", "n" -> false;
            default -> throw Refusal.invalid("invalid_active", "active '" + s.strip() + "' is not true or false.");
        };
    }
}
