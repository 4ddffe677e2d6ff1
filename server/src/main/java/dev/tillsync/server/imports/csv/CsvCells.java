package dev.tillsync.server.imports.csv;

/** Writing CSV cells a spreadsheet opens safely: RFC 4180 quoting, and a leading = + - @ (tab, CR) prefixed with '. */
public final class CsvCells {
    private CsvCells() {}

    public static String cell(String v) {
        if (v == null) return "";
        String t = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (t.contains(",") || t.contains(";") || t.contains("\"") || t.contains("\n") || t.contains("\r") || !t.equals(v)) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    /** The value a neutralised cell stands for: {@link #cell}'s ' before = + - @ taken off again, so export → import is unchanged. */
    public static String plain(String v) {
        if (v == null) return null;
        String t = v.strip();
        return t.length() > 1 && t.charAt(0) == '\'' && "=+-@\t\r".indexOf(t.charAt(1)) >= 0 ? t.substring(1) : v;
    }
}
