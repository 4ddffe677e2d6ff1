package dev.tillsync.desktop.shift;

import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.terminal.ShiftCloseReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/** The closing summary as printable text, in the same fixed-width style as a receipt. */
public final class ShiftSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private ShiftSummary() {}

    public static String text(ShiftCloseReport r) {
        StringBuilder b = new StringBuilder();
        b.append("SHIFT CLOSING SUMMARY\n");
        b.append(line("Cashier", r.shift().user()));
        b.append(line("Opened", TIME.format(r.shift().openedAt())));
        b.append(line("Closed", TIME.format(r.closedAt())));
        b.append(line("Sales", String.valueOf(r.salesCount())));
        b.append("-".repeat(40)).append('\n');
        b.append("Totals per payment mode\n");
        for (Map.Entry<String, Long> e : new TreeMap<>(r.totalsByModeMinor()).entrySet()) {
            b.append(line("  " + e.getKey(), MoneyText.of(e.getValue())));
        }
        b.append("-".repeat(40)).append('\n');
        b.append(line("Opening float", MoneyText.of(r.shift().openingFloatMinor())));
        b.append(line("Expected cash", MoneyText.of(r.expectedCashMinor())));
        b.append(line("Counted cash", MoneyText.of(r.countedCashMinor())));
        b.append(line("Difference", (r.differenceMinor() > 0 ? "+" : "") + MoneyText.of(r.differenceMinor())
                + (r.differenceMinor() < 0 ? " (short)" : r.differenceMinor() > 0 ? " (over)" : "")));
        return b.toString();
    }

    private static String line(String label, String value) {
        int pad = Math.max(1, 40 - label.length() - value.length());
        return label + " ".repeat(pad) + value + "\n";
    }
}
