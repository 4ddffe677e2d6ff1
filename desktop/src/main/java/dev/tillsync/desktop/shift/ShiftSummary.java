package dev.tillsync.desktop.shift;

import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.terminal.LogEntry;
import dev.tillsync.terminal.ShiftCloseReport;
import java.util.ArrayList;
import java.util.List;
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

    /** The reason given for the difference, wrapped to the summary's width. */
    public static String reason(String why) {
        return "Reason for the difference:\n  " + why + "\n";
    }

    /**
     * Every change of user at this till while the shift was open (logins, approvals, logouts, lock-outs), from the event
     * log, oldest first: who was at the drawer and when.
     */
    public static String users(ShiftCloseReport r, List<LogEntry> newestFirst) {
        java.time.Instant from = r.shift().openedAt(), to = r.closedAt();
        List<LogEntry> changes = new ArrayList<>();
        for (LogEntry e : newestFirst) {
            if (e.at().isBefore(from) || e.at().isAfter(to)) continue;
            if (USER_EVENTS.contains(e.type())) changes.add(0, e);
        }
        if (changes.isEmpty()) return "";
        StringBuilder b = new StringBuilder("-".repeat(40)).append('\n').append("Users at this till during the shift\n");
        for (LogEntry e : changes) {
            b.append("  ").append(CLOCK.format(e.at())).append(' ').append(e.type().replace('_', ' ')).append(' ').append(e.ref())
                    .append(e.detail() == null || e.type().equals("login_failed") ? "" : " (" + e.detail() + ")").append('\n');
        }
        return b.toString();
    }

    private static final java.util.Set<String> USER_EVENTS = java.util.Set.of("login", "logout", "approval", "user_locked");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private static String line(String label, String value) {
        int pad = Math.max(1, 40 - label.length() - value.length());
        return label + " ".repeat(pad) + value + "\n";
    }
}
