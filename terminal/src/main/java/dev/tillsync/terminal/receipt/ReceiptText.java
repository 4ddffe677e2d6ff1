package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.receipt.ZatcaQr;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a receipt out as lines that fit the paper's columns (32, 42 or 48): seller, header, the invoice, each line with
 * its unit and discount, totals, tenders and change, OFFLINE / REPRINT marks, footer; plus the barcode and QR payloads.
 * The words around them are English, or Arabic for a shop whose texts are Arabic ({@link ReceiptLabels}).
 * Long names, headers and footers wrap at word boundaries rather than being cut.
 */
public final class ReceiptText {
    /** Columns of the default paper (80 mm, font A). */
    public static final int WIDTH = PaperWidth.DEFAULT.columns();
    public static final String OFFLINE_NOTE = "OFFLINE — will sync";
    public static final String REPRINT_NOTE = "*** REPRINT ***";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private ReceiptText() {}

    /**
     * What goes on a receipt besides the invoice, from the POS profile and the till's settings.
     *
     * @param currencyDigits decimals of {@code currency}: amounts are minor units of it
     * @param units          item code → unit code ({@code kg}, ...) for the invoice's items; a missing code is a whole unit
     * @param logo           the profile's receipt logo (base64 PNG or JPEG), null for none
     */
    public record Context(String posId, String header, String footer, boolean reprint, String sellerName, String sellerTaxNumber,
                          String currency, int currencyDigits, PaperWidth paper, Map<String, String> units, String logo) {
        /** A receipt without a logo. */
        public Context(String posId, String header, String footer, boolean reprint, String sellerName, String sellerTaxNumber,
                       String currency, int currencyDigits, PaperWidth paper, Map<String, String> units) {
            this(posId, header, footer, reprint, sellerName, sellerTaxNumber, currency, currencyDigits, paper, units, null);
        }

        public Context {
            paper = paper == null ? PaperWidth.DEFAULT : paper;
            units = units == null ? Map.of() : Map.copyOf(units);
            currencyDigits = Math.max(0, currencyDigits);
        }

        /** A receipt without seller details, in a 2-decimal currency, on the default paper. */
        public Context(String posId, String header, String footer, boolean reprint) {
            this(posId, header, footer, reprint, null, null, null, 2, PaperWidth.DEFAULT, Map.of());
        }
    }

    /**
     * One printed line: {@code left} alone (centred and bold when {@code emphasis}), or {@code left} and {@code right}
     * as two columns (a label and an amount; on a right-to-left receipt image the label goes right, the amount left).
     * {@code rule} lines are a row of dashes.
     */
    public record Line(String left, String right, boolean emphasis, boolean rule) {
        public Line(String text, boolean emphasis) {
            this(text, null, emphasis, false);
        }

        /** The line as fixed-width text of {@code columns} characters at most. */
        public String text(int columns) {
            if (right == null) return emphasis ? center(left, columns) : left;
            int space = columns - right.length();
            return left + " ".repeat(Math.max(1, space - left.length())) + right;
        }

        /** The line in the default width. */
        public String text() {
            return text(WIDTH);
        }
    }

    /** The receipt of {@code inv}, laid out for {@code ctx.paper()}. */
    public static Receipt lines(InvoicePayload inv, Context ctx) {
        int cols = ctx.paper().columns();
        Lines out = new Lines(cols);
        ReceiptLabels w = ReceiptLabels.of(ctx.sellerName(), ctx.header(), ctx.footer());
        if (ctx.reprint()) out.centred(w.reprint());
        if (!blank(ctx.sellerName())) out.centred(ctx.sellerName().trim());
        if (!blank(ctx.header())) {
            for (String h : ctx.header().split("\n")) if (!h.isBlank()) out.centred(h.trim());
        }
        if (!blank(ctx.sellerTaxNumber())) out.text(w.vatNumber() + ": " + ctx.sellerTaxNumber().trim());
        out.centred((inv.isReturn() ? w.ret() : w.invoice()) + " " + inv.number());
        if (inv.isReturn()) out.text(w.against() + ": " + inv.returnAgainst());
        out.text(w.date() + ": " + TIME.format(inv.postedAt()));
        out.text(w.pos() + ": " + ctx.posId() + "  " + w.cashier() + ": " + inv.cashier());
        if (inv.customerNumber() != null) out.text(w.customer() + ": " + inv.customerNumber());
        out.rule();
        for (InvoiceLine l : inv.lines()) {
            out.text(l.itemName());
            Unit unit = Unit.parse(l.unit() != null ? l.unit() : ctx.units().get(l.itemCode())).orElse(Unit.UNIT);
            long qtyMilli = qtyMilli(l);
            String qty = unit.measured() ? BigDecimal.valueOf(qtyMilli, 3).toPlainString() + " " + unit.code() : Unit.format(qtyMilli);
            out.columns("  " + qty + " × " + money(l.rateMinor(), ctx) + " " + w.rate(bp(l.taxRateBp())), money(l.totalMinor(), ctx));
            long discount = discountMinor(l);
            if (discount != 0) out.columns("  " + w.discount(), money(-discount, ctx));
        }
        out.rule();
        out.columns(w.net(), money(inv.netTotalMinor(), ctx));
        out.columns(w.tax(), money(inv.taxTotalMinor(), ctx));
        out.add(new Line(ctx.currency() == null ? w.total() : w.total() + " " + ctx.currency(), money(inv.grandTotalMinor(), ctx), true, false));
        if (inv.roundingMinor() != null && inv.roundingMinor() != 0) out.columns(w.rounding(), money(inv.roundingMinor(), ctx));
        for (Payment p : inv.payments()) {
            out.columns(p.mode() + (p.reference() == null ? "" : " " + p.reference()), money(p.amountMinor(), ctx));
        }
        if (inv.changeMinor() > 0) out.columns(w.change(), money(inv.changeMinor(), ctx));
        out.rule();
        if (inv.offline()) out.centred(w.offline());
        if (!blank(ctx.footer())) {
            for (String f : ctx.footer().split("\n")) if (!f.isBlank()) out.text(f.trim());
        }
        if (ctx.reprint()) out.centred(w.reprint());
        return new Receipt(out.lines, inv.number(), qr(inv, ctx), ctx.paper(), ReceiptLogo.of(ctx.logo(), ctx.paper()));
    }

    /**
     * The QR payload: ZATCA Phase 1 TLV (seller, VAT number, time, total with VAT, VAT) when the profile names the seller
     * and its VAT number, else the invoice number. A seller name too long for the TLV (over 255 UTF-8 bytes) falls back
     * to the number rather than failing the receipt.
     */
    static String qr(InvoicePayload inv, Context ctx) {
        if (blank(ctx.sellerName()) || blank(ctx.sellerTaxNumber())) return inv.number();
        try {
            return ZatcaQr.encode(ctx.sellerName().trim(), ctx.sellerTaxNumber().trim(), inv.postedAt(), inv.grandTotalMinor(),
                    inv.taxTotalMinor(), ctx.currencyDigits());
        } catch (IllegalArgumentException tooLong) {
            return inv.number();
        }
    }

    /** The line's quantity in thousandths, whichever form it is in, so measured units print as 1.250 kg. */
    static long qtyMilli(InvoiceLine l) {
        return l.quantityMilli();
    }

    /**
     * Everything taken off the line: on a priced line its own discount and its share of the sale's; on a line of the
     * previous release what its net falls short of quantity × price.
     */
    static long discountMinor(InvoiceLine l) {
        if (!l.priced()) return Math.multiplyExact(l.qty(), l.rateMinor()) - l.netMinor();
        return (l.lineDiscountMinor() == null ? 0 : l.lineDiscountMinor()) + (l.saleDiscountMinor() == null ? 0 : l.saleDiscountMinor());
    }

    public static String plain(Receipt r) {
        StringBuilder sb = new StringBuilder();
        for (Line l : r.lines()) sb.append(l.rule() ? "-".repeat(r.paper().columns()) : l.text(r.paper().columns())).append('\n');
        return sb.toString();
    }

    public static String plain(List<Line> lines) {
        return plain(new Receipt(lines, null, null, PaperWidth.DEFAULT));
    }

    static String money(long minor, Context ctx) {
        return BigDecimal.valueOf(minor, ctx.currencyDigits()).toPlainString();
    }

    private static String bp(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }

    static String center(String s) {
        return center(s, WIDTH);
    }

    static String center(String s, int columns) {
        if (s.length() >= columns) return s;
        return " ".repeat((columns - s.length()) / 2) + s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects lines, wrapping each at the paper's columns. */
    private static final class Lines {
        private final int cols;
        private final List<Line> lines = new ArrayList<>();

        Lines(int cols) {
            this.cols = cols;
        }

        void add(Line l) {
            if (l.right() != null && l.left().length() + 1 + l.right().length() > cols) {
                // label and amount do not fit side by side: the label wraps, the amount goes right on the last row
                List<String> rows = wrap(l.left(), cols);
                for (int i = 0; i < rows.size() - 1; i++) lines.add(new Line(rows.get(i), null, l.emphasis(), false));
                String last = rows.getLast();
                if (last.length() + 1 + l.right().length() <= cols) {
                    lines.add(new Line(last, l.right(), l.emphasis(), false));
                } else {
                    lines.add(new Line(last, null, l.emphasis(), false));
                    lines.add(new Line("", l.right(), l.emphasis(), false));
                }
                return;
            }
            lines.add(l);
        }

        void text(String s) {
            for (String row : wrap(s, cols)) lines.add(new Line(row, null, false, false));
        }

        void centred(String s) {
            for (String row : wrap(s, cols)) lines.add(new Line(row, null, true, false));
        }

        void columns(String left, String right) {
            add(new Line(left, right, false, false));
        }

        void rule() {
            lines.add(new Line("-".repeat(cols), null, false, true));
        }
    }

    /** {@code s} in rows of at most {@code cols} characters, broken at spaces where it can be, a long word cut. */
    static List<String> wrap(String s, int cols) {
        List<String> rows = new ArrayList<>();
        String rest = s.stripTrailing();
        String indent = s.startsWith("  ") ? "  " : ""; // continuation rows keep a line's indent
        while (rest.length() > cols) {
            int cut = rest.lastIndexOf(' ', cols);
            if (cut <= indent.length()) cut = cols;
            rows.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).strip();
        }
        rows.add(rest);
        return rows;
    }
}
