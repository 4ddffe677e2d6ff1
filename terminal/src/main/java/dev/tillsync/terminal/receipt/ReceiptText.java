package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Lays a receipt out as fixed-width lines (42 columns, an 80 mm printer's font A); the text, ESC/POS and PDF all use it. */
public final class ReceiptText {
    public static final int WIDTH = 42;
    public static final String OFFLINE_NOTE = "OFFLINE — will sync";
    public static final String REPRINT_NOTE = "*** REPRINT ***";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private ReceiptText() {}

    /** What goes on a receipt besides the invoice. */
    public record Context(String posId, String header, String footer, boolean reprint) {}

    /** One printable line; {@code emphasis} lines are printed bold and centred. */
    public record Line(String text, boolean emphasis) {}

    public static List<Line> lines(InvoicePayload inv, Context ctx) {
        List<Line> out = new ArrayList<>();
        if (ctx.reprint()) out.add(new Line(REPRINT_NOTE, true));
        if (ctx.header() != null && !ctx.header().isBlank()) {
            for (String h : ctx.header().split("\n")) out.add(new Line(h.trim(), true));
        }
        out.add(new Line(inv.isReturn() ? "RETURN " + inv.number() : "INVOICE " + inv.number(), true));
        if (inv.isReturn()) out.add(new Line("Against: " + inv.returnAgainst(), false));
        out.add(new Line("Date: " + TIME.format(inv.postedAt()), false));
        out.add(new Line("POS: " + ctx.posId() + "  Cashier: " + inv.cashier(), false));
        if (inv.customerNumber() != null) out.add(new Line("Customer: " + inv.customerNumber(), false));
        out.add(rule());
        for (InvoiceLine l : inv.lines()) {
            out.add(new Line(fit(l.itemName()), false));
            out.add(new Line(twoCols("  " + l.qty() + " x " + Money.format(l.rateMinor()) + " (" + bp(l.taxRateBp()) + " tax)",
                    Money.format(l.totalMinor())), false));
        }
        out.add(rule());
        out.add(new Line(twoCols("Net", Money.format(inv.netTotalMinor())), false));
        out.add(new Line(twoCols("Tax", Money.format(inv.taxTotalMinor())), false));
        out.add(new Line(twoCols("TOTAL", Money.format(inv.grandTotalMinor())), true));
        for (Payment p : inv.payments()) {
            out.add(new Line(twoCols(p.mode() + (p.reference() == null ? "" : " " + p.reference()), Money.format(p.amountMinor())), false));
        }
        if (inv.changeMinor() > 0) out.add(new Line(twoCols("Change", Money.format(inv.changeMinor())), false));
        out.add(rule());
        if (inv.offline()) out.add(new Line(OFFLINE_NOTE, true));
        if (ctx.footer() != null && !ctx.footer().isBlank()) {
            for (String f : ctx.footer().split("\n")) out.add(new Line(f.trim(), false));
        }
        if (ctx.reprint()) out.add(new Line(REPRINT_NOTE, true));
        return out;
    }

    public static String plain(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.emphasis() ? center(l.text()) : l.text()).append('\n');
        }
        return sb.toString();
    }

    private static Line rule() {
        return new Line("-".repeat(WIDTH), false);
    }

    private static String bp(int bp) {
        return java.math.BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }

    static String center(String s) {
        if (s.length() >= WIDTH) return s;
        return " ".repeat((WIDTH - s.length()) / 2) + s;
    }

    private static String fit(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH);
    }

    private static String twoCols(String left, String right) {
        int space = WIDTH - right.length();
        if (left.length() >= space) left = left.substring(0, Math.max(0, space - 1));
        return left + " ".repeat(Math.max(1, space - left.length())) + right;
    }
}
