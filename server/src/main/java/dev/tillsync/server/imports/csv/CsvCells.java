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
}
