package dev.tillsync.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain text table: left-aligned first column, right-aligned figures. */
public final class TextTable {
    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(format(c));
        rows.add(r);
        return this;
    }

    public String title() {
        return title;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public static String format(Object c) {
        if (c == null) return "-";
        if (c instanceof Double d) {
            if (d.isNaN()) return "-";
            double a = Math.abs(d);
            return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", d);
        }
        return c.toString();
    }

    public String render() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) w[i] = headers.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r.get(i).length());
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        line(sb, headers, w);
        for (int i = 0; i < w.length; i++) sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        sb.append('\n');
        for (List<String> r : rows) line(sb, r, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            if (i > 0) sb.append("  ");
            if (i == 0) sb.append(c).append(" ".repeat(w[i] - c.length()));
            else sb.append(" ".repeat(w[i] - c.length())).append(c);
        }
        sb.append('\n');
    }
}
