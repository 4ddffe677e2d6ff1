package dev.tillsync.core.invoice;

import dev.tillsync.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single definition of invoice arithmetic, used by the terminal to build an invoice and by the
 * server to recompute it: prices are tax-exclusive, tax is rounded per line half-even, the grand total
 * is the sum of line totals, and payments minus change equal the grand total.
 */
public final class InvoiceMath {
    private InvoiceMath() {}

    public static long lineNet(long qty, long rateMinor) {
        return Math.multiplyExact(qty, rateMinor);
    }

    /** net × rate / 10,000, rounded half-even ({@link Money#round}); in long arithmetic, as it runs for every line checked. */
    public static long lineTax(long netMinor, int taxRateBp) {
        long product;
        try {
            product = Math.multiplyExact(netMinor, (long) taxRateBp);
        } catch (ArithmeticException tooBig) {
            return Money.round(BigDecimal.valueOf(netMinor).multiply(BigDecimal.valueOf(taxRateBp)).divide(BigDecimal.valueOf(10_000)));
        }
        long whole = Math.floorDiv(product, 10_000L), rest = Math.floorMod(product, 10_000L); // product = whole + rest/10,000
        if (rest > 5_000 || (rest == 5_000 && (whole & 1) != 0)) whole++;
        return whole;
    }

    public static long netTotal(List<InvoiceLine> lines) {
        return lines.stream().mapToLong(InvoiceLine::netMinor).sum();
    }

    public static long taxTotal(List<InvoiceLine> lines) {
        return lines.stream().mapToLong(InvoiceLine::taxMinor).sum();
    }

    public static long grandTotal(List<InvoiceLine> lines) {
        return lines.stream().mapToLong(InvoiceLine::totalMinor).sum();
    }

    public static long paid(List<Payment> payments) {
        return payments.stream().mapToLong(Payment::amountMinor).sum();
    }

    public static long cashPaid(List<Payment> payments) {
        return payments.stream().filter(Payment::isCash).mapToLong(Payment::amountMinor).sum();
    }

    /**
     * Change due for a sale: what was tendered beyond the total. Only cash can be over-tendered;
     * a card over-payment is refused because no one can hand back change from a card.
     */
    public static long changeDue(long grandTotalMinor, List<Payment> payments) {
        long over = paid(payments) - grandTotalMinor;
        return Math.max(0, over);
    }

    /** Every reason the invoice's own numbers do not add up, empty when consistent. */
    public static List<String> inconsistencies(InvoicePayload inv) {
        List<String> problems = new ArrayList<>();
        if (inv.lines().isEmpty()) {
            problems.add("invoice has no lines");
        }
        boolean isReturn = inv.isReturn();
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            String at = "line " + (i + 1) + " (" + l.itemCode() + ")";
            if (isReturn ? l.qty() >= 0 : l.qty() <= 0) {
                problems.add(at + ": quantity must be " + (isReturn ? "negative on a return" : "positive") + ", got " + l.qty());
            }
            if (l.rateMinor() < 0) {
                problems.add(at + ": negative price");
            }
            if (l.taxRateBp() < 0 || l.taxRateBp() > 10_000) {
                problems.add(at + ": tax rate out of range");
            }
            expectLine(problems, at, l).ifPresent(problems::add);
        }
        if (!inv.lines().isEmpty()) {
            long net = netTotal(inv.lines()), tax = taxTotal(inv.lines()), grand = grandTotal(inv.lines());
            if (net != inv.netTotalMinor()) problems.add("net total " + Money.format(inv.netTotalMinor()) + " should be " + Money.format(net));
            if (tax != inv.taxTotalMinor()) problems.add("tax total " + Money.format(inv.taxTotalMinor()) + " should be " + Money.format(tax));
            if (grand != inv.grandTotalMinor()) problems.add("grand total " + Money.format(inv.grandTotalMinor()) + " should be " + Money.format(grand));
        }
        for (int i = 0; i < inv.payments().size(); i++) {
            Payment p = inv.payments().get(i);
            // A negative tender on a sale (or a positive one on a refund) would move money between payment modes.
            if (isReturn ? p.amountMinor() >= 0 : p.amountMinor() <= 0) {
                problems.add("payment " + (i + 1) + " (" + p.mode() + ") must be " + (isReturn ? "negative on a return" : "positive")
                        + ", got " + Money.format(p.amountMinor()));
            }
        }
        if (isReturn && inv.changeMinor() != 0) {
            problems.add("a return gives no change");
        }
        if (inv.changeMinor() < 0) {
            problems.add("change is negative");
        }
        long settled = paid(inv.payments()) - inv.changeMinor();
        if (settled != inv.grandTotalMinor()) {
            problems.add("payments " + Money.format(paid(inv.payments())) + " minus change " + Money.format(inv.changeMinor())
                    + " do not equal the total " + Money.format(inv.grandTotalMinor()));
        }
        if (inv.changeMinor() > 0 && inv.changeMinor() > cashPaid(inv.payments())) {
            problems.add("change " + Money.format(inv.changeMinor()) + " exceeds the cash tendered");
        }
        return problems;
    }

    private static Optional<String> expectLine(List<String> problems, String at, InvoiceLine l) {
        InvoiceLine expected;
        try {
            expected = InvoiceLine.of(l.itemCode(), l.itemName(), l.qty(), l.rateMinor(), l.taxRateBp());
        } catch (ArithmeticException e) {
            return Optional.of(at + ": amounts overflow");
        }
        if (expected.netMinor() != l.netMinor() || expected.taxMinor() != l.taxMinor() || expected.totalMinor() != l.totalMinor()) {
            return Optional.of(at + ": amounts do not add up (expected net " + Money.format(expected.netMinor())
                    + ", tax " + Money.format(expected.taxMinor()) + ", total " + Money.format(expected.totalMinor()) + ")");
        }
        return Optional.empty();
    }
}
