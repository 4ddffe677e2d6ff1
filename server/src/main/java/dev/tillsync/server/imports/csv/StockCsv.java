package dev.tillsync.server.imports.csv;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stock CSV ({@code warehouse,code,qty,mode}, order free) read into rows, each checked against the shop's
 * warehouses and items: qty in the item's unit (whole for {@code unit} items, up to 3 decimals for measured ones), never
 * negative; {@code set} is a stocktake to that level, {@code add} a receipt. Invariant: a row is either in {@code rows}
 * or in {@code refused} with its physical line and column, and one (warehouse, item) appears at most once.
 */
public final class StockCsv {
    public static final List<String> COLUMNS = List.of("warehouse", "code", "qty", "mode");

    public enum Mode { SET, ADD }

    /** The shop's active warehouses and every item with its unit. */
    public record Lookups(Set<String> warehouses, Map<String, Unit> items) {}

    public record Row(int line, String warehouse, String code, long qtyMilli, Mode mode) {}

    public record Parsed(List<Row> rows, List<CatalogCsv.Refused> refused) {}

    private StockCsv() {}

    public static Parsed parse(CsvFile file, Lookups look) {
        Map<String, Integer> at = Headers.check(file, COLUMNS, COLUMNS, "stock", "warehouse, code, qty and mode");
        List<Row> rows = new ArrayList<>();
        List<CatalogCsv.Refused> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            String column = null;
            String code = null;
            try {
                Headers.fieldCount(row, at.size());
                column = "warehouse";
                String warehouse = Headers.get(row, at, "warehouse").strip();
                if (warehouse.isEmpty()) throw Refusal.invalid("invalid_warehouse", "the warehouse is empty.");
                if (!look.warehouses().contains(warehouse)) {
                    throw Refusal.invalid("unknown_warehouse", "warehouse '" + warehouse + "' does not exist (or is disabled); the shop's are " + sorted(look.warehouses()) + ".");
                }
                column = "code";
                code = ItemRules.code(Headers.get(row, at, "code"));
                Unit unit = look.items().get(code);
                if (unit == null) throw Refusal.invalid("unknown_item", "item " + code + " does not exist; import it with the catalogue first.");
                column = "mode";
                Mode mode = mode(Headers.get(row, at, "mode"));
                column = "qty";
                // A negative count is let through here only so that an export of a level below zero imports as unchanged;
                // StockImport refuses it when it would change the level.
                long milli = ItemRules.quantity(Headers.get(row, at, "qty"), unit, code, mode == Mode.SET);
                column = "code";
                Integer other = seen.putIfAbsent(warehouse + "\u0000" + code, row.line());
                if (other != null) {
                    throw Refusal.invalid("duplicate_row", "item " + code + " in warehouse " + warehouse + " is also at line " + other
                            + "; put one row per item and warehouse.");
                }
                rows.add(new Row(row.line(), warehouse, code, milli, mode));
            } catch (Refusal r) {
                refused.add(new CatalogCsv.Refused(row.line(), column, code, r.getMessage()));
            }
        }
        return new Parsed(List.copyOf(rows), List.copyOf(refused));
    }

    private static Mode mode(String s) {
        String m = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "set" -> Mode.SET;
            case "add" -> Mode.ADD;
            default -> throw Refusal.invalid("invalid_mode", "mode '" + (s == null ? "" : s.strip()) + "' is not 'set' (a stocktake: the level counted) or 'add' (a receipt: the quantity received).");
        };
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
