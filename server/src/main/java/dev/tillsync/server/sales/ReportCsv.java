package dev.tillsync.server.sales;

import dev.tillsync.core.money.Money;
import dev.tillsync.server.imports.csv.CsvCells;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports as CSV for a spreadsheet: amounts in major units ("12.50"), one row per day or cashier and a total row,
 * CRLF line ends. Invariant: every text cell goes through {@link CsvCells#cell}, so a mode or cashier named
 * "=HYPERLINK(...)" reaches the spreadsheet as text, never as a formula; amounts and counts are written as numbers
 * (a refund's "-3.45" must stay a number, not be neutralised as if it were a formula).
 */
public final class ReportCsv {
    private ReportCsv() {}

    /** An amount in minor units, written as a plain number in major units. */
    private record Minor(long minor) {}

    public static String daily(DailyReport r) {
        List<Object> head = new ArrayList<>(List.<Object>of("day", "invoices", "net"));
        for (int bp : r.rates()) {
            head.add("net " + SalesText.rate(bp));
            head.add("tax " + SalesText.rate(bp));
        }
        head.addAll(List.<Object>of("tax", "gross"));
        for (String m : r.modes()) head.add(m);
        head.addAll(List.<Object>of("discounts", "returns", "returns_amount"));
        StringBuilder out = new StringBuilder();
        line(out, head);
        for (DailyReport.Day d : r.days()) line(out, dayCells(r, d, d.day().toString()));
        line(out, dayCells(r, r.total(), "total"));
        return out.toString();
    }

    private static List<Object> dayCells(DailyReport r, DailyReport.Day d, String label) {
        List<Object> c = new ArrayList<>(List.<Object>of(label, d.invoices(), new Minor(d.netMinor())));
        for (int bp : r.rates()) {
            DailyReport.TaxRate t = d.rate(bp);
            c.add(new Minor(t.netMinor()));
            c.add(new Minor(t.taxMinor()));
        }
        c.add(new Minor(d.taxMinor()));
        c.add(new Minor(d.grossMinor()));
        for (String m : r.modes()) c.add(new Minor(d.mode(m)));
        c.add(new Minor(d.discountsMinor()));
        c.add(d.returns());
        c.add(new Minor(d.returnsMinor()));
        return c;
    }

    public static String cashiers(CashierReport r) {
        StringBuilder out = new StringBuilder();
        line(out, List.of("cashier", "name", "sales", "gross", "returns", "returns_amount", "cash_taken", "discounts", "rounding"));
        for (CashierReport.Cashier c : r.cashiers()) line(out, cashierCells(c, c.cashier() == null ? "(none)" : c.cashier()));
        line(out, cashierCells(r.total(), "total"));
        return out.toString();
    }

    private static List<Object> cashierCells(CashierReport.Cashier c, String label) {
        return List.of(label, c.name() == null ? "" : c.name(), c.sales(), new Minor(c.grossMinor()),
                c.returns(), new Minor(c.returnsMinor()), new Minor(c.cashTakenMinor()), new Minor(c.discountsMinor()),
                new Minor(c.roundingMinor()));
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            Object v = cells.get(i);
            out.append(switch (v) {
                case Minor m -> Money.format(m.minor());
                case Number n -> n.toString();
                default -> CsvCells.cell(String.valueOf(v));
            });
        }
        out.append("\r\n");
    }

    /** The download's file name: daily-2024-06-01-2024-06-07[-POS-0001].csv. */
    public static String fileName(String kind, java.time.LocalDate from, java.time.LocalDate to, String device) {
        String till = device == null ? "" : "-" + device.replaceAll("[^A-Za-z0-9_-]", "_");
        return kind + "-" + from + "-" + to + till + ".csv";
    }
}
