package dev.tillsync.server.imports.csv;

import dev.tillsync.server.refusal.Refusal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The header checks the stock and customers CSVs share (the catalogue's are CatalogCsv's own), worded alike: a wrong
 * header refuses the whole file, before any row is read.
 */
final class Headers {
    private Headers() {}

    /** Refuses unknown, missing and repeated columns and a file without rows; returns each column's index. */
    static Map<String, Integer> check(CsvFile file, List<String> columns, List<String> required, String kind, String requiredWords) {
        List<String> header = file.header();
        for (String h : header) {
            if (!columns.contains(h)) {
                throw Refusal.invalid("unknown_column", "Column '" + h + "' in the header is not a " + kind + " column; the columns are "
                        + String.join(",", columns) + ".");
            }
        }
        for (String r : required) {
            if (!header.contains(r)) throw Refusal.invalid("missing_column", "The header has no '" + r + "' column; the " + kind + " file needs " + requiredWords + ".");
        }
        if (new LinkedHashSet<>(header).size() != header.size()) throw Refusal.invalid("duplicate_column", "A column appears twice in the header.");
        if (file.rows().isEmpty()) throw Refusal.invalid("no_rows", "The file has a header but no rows; add one row per " + (kind.equals("stock") ? "item and warehouse" : "customer") + ".");
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) at.put(header.get(i), i);
        return at;
    }

    static void fieldCount(CsvFile.Row row, int columns) {
        if (row.fields().size() != columns) {
            throw Refusal.invalid("field_count", "the row has " + row.fields().size() + " fields but the header has " + columns + ".");
        }
    }

    /** The cell of {@code column}, or null when the header has no such column. */
    static String get(CsvFile.Row row, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null ? null : row.fields().get(i);
    }
}
