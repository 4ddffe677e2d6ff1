package dev.tillsync.server.imports.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person is shown of a refused file: its first rows one by one, then the rest counted by reason. A file whose
 * every row has the same fault (a tax category not created yet) would otherwise print 50,000 identical lines.
 * Invariant: every refused row is either listed or counted in exactly one reason; the API keeps the full list.
 */
public record RefusalDigest(List<CatalogCsv.Refused> listed, int more, List<Reason> reasons) {
    /** How many refused rows are listed one by one. */
    public static final int LISTED = 100;

    /** {@code rows} rows (beyond the listed ones) refused in {@code column} for {@code message}. */
    public record Reason(String column, String message, int rows) {
        public String text() {
            return rows + " more " + (rows == 1 ? "row" : "rows") + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    public static RefusalDigest of(List<CatalogCsv.Refused> refused) {
        List<CatalogCsv.Refused> listed = refused.subList(0, Math.min(LISTED, refused.size()));
        Map<String, Reason> byReason = new LinkedHashMap<>();
        for (CatalogCsv.Refused r : refused.subList(listed.size(), refused.size())) {
            // Names and values differ row by row; the reason a manager acts on is the message with its quoted value.
            byReason.merge(r.column() + "\u0000" + r.message(), new Reason(r.column(), r.message(), 1),
                    (a, b) -> new Reason(a.column(), a.message(), a.rows() + 1));
        }
        List<Reason> reasons = byReason.values().stream().sorted((a, b) -> Integer.compare(b.rows(), a.rows())).limit(10).toList();
        return new RefusalDigest(listed, refused.size() - listed.size(), reasons);
    }

    /** The lines to print: the listed rows, then the counted rest (at most ten reasons, the most frequent first). */
    public List<String> lines() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(listed.stream().map(CatalogCsv.Refused::text).toList());
        if (more > 0) {
            out.add("... and " + more + " more refused rows, by reason:");
            int counted = 0;
            for (Reason r : reasons) {
                out.add("  " + r.text());
                counted += r.rows();
            }
            if (counted < more) out.add("  " + (more - counted) + " more rows with other reasons");
        }
        return out;
    }
}
