package dev.tillsync.core.invoice;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedLine;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.PricingException;
import dev.tillsync.core.pricing.SaleMath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Recomputes an invoice in the priced form (docs/pricing.md) with {@link SaleMath} from what the cashier entered
 * (quantities, shelf prices, tax rates, discounts, the price list's tax flag, the payments) and names every figure
 * that differs, with the recomputed one. Invariant: reads nothing but its arguments, so a till and the server asking
 * about the same invoice get the same answer.
 */
public final class PricedInvoiceCheck {
    private PricedInvoiceCheck() {}

    /** {@code problems} empty when every figure agrees; {@code priced} the recomputed sale (null when it could not be priced). */
    public record Result(List<String> problems, PricedSale priced) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** A discount above the profile's limit: where it is, as entered, and its share in basis points of what it was taken from. */
    public record OverLimit(String where, Discount discount, long basisPoints) {}

    /**
     * Checks {@code inv}. {@code roundingIncrementMinor} is the profile's cash rounding increment, or null to leave the
     * rounding unchecked against it (only payments − change = total + rounding is then required).
     */
    public static Result check(InvoicePayload inv, Long roundingIncrementMinor, Predicate<Payment> isCash) {
        List<String> problems = new ArrayList<>();
        if (inv.lines().isEmpty()) return new Result(List.of("invoice has no lines"), null);
        boolean isReturn = inv.isReturn();
        List<CartLine> cart = new ArrayList<>(inv.lines().size());
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            String at = at(i, l);
            if (!l.priced()) {
                problems.add(at + " has no qtyMilli while other lines of the invoice have one");
                continue;
            }
            long q = l.qtyMilli();
            if (q == 0) {
                problems.add(at + ": a quantity of 0 cannot be sold");
            } else if (isReturn ? q > 0 : q < 0) {
                problems.add(at + ": quantity " + Unit.format(q) + (isReturn ? " must be negative on a return" : " cannot be negative on a sale"));
            }
            Unit unit = l.unit() == null ? Unit.UNIT : Unit.parse(l.unit()).orElse(null);
            if (unit == null) {
                problems.add(at + ": unknown unit '" + l.unit() + "' (one of " + Unit.codes() + ")");
                continue;
            }
            try {
                CartLine c = new CartLine(l.itemCode(), l.itemName(), q, unit.measured(), l.rateMinor(), l.taxRateBp(), l.discount());
                long gross = Math.abs(SaleMath.gross(q, l.rateMinor()));
                if (l.discount() != null && l.discount().kind() == Discount.Kind.AMOUNT && l.discount().value() > gross) {
                    problems.add(at + ": a discount of " + Money.format(l.discount().value()) + " is more than the line's "
                            + Money.format(gross));
                    continue;
                }
                cart.add(c);
            } catch (PricingException | ArithmeticException e) {
                problems.add(at + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) return new Result(problems, null);
        PricedSale p;
        try {
            p = SaleMath.price(cart, inv.saleDiscount(), Boolean.TRUE.equals(inv.pricesIncludeTax()));
        } catch (PricingException | ArithmeticException e) {
            return new Result(List.of("the sale discount cannot be applied: " + e.getMessage()), null);
        }
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            PricedLine e = p.lines().get(i);
            String at = at(i, l);
            differ(problems, at + " gross", l.grossMinor(), e.grossMinor(),
                    Unit.format(l.qtyMilli()) + " × " + Money.format(l.rateMinor()) + " is");
            differ(problems, at + " discount", l.lineDiscountMinor(), e.lineDiscountMinor(), describe(l.discount(), e.grossMinor()));
            differ(problems, at + " share of the sale discount", l.saleDiscountMinor(), e.saleDiscountMinor(),
                    inv.saleDiscount() == null ? "there is no sale discount, so it is"
                            : "spreading the sale discount of " + Money.format(p.discountMinor() - lineDiscounts(p)) + " over the lines gives");
            String rate = percent(l.taxRateBp());
            differ(problems, at + " tax", l.taxMinor(), e.taxMinor(), p.pricesIncludeTax()
                    ? rate + " included in " + Money.format(e.discountedMinor()) + " is"
                    : rate + " of " + Money.format(e.discountedMinor()) + " is");
            differ(problems, at + " net", l.netMinor(), e.netMinor(), "recomputed it is");
            differ(problems, at + " total", l.totalMinor(), e.totalMinor(), "recomputed it is");
        }
        differ(problems, "net total", inv.netTotalMinor(), p.netMinor(), "the lines' net comes to");
        differ(problems, "tax total", inv.taxTotalMinor(), p.taxMinor(), "the lines' tax comes to");
        differ(problems, "grand total", inv.grandTotalMinor(), p.totalMinor(), "the lines come to");
        differ(problems, "discount total", orZero(inv.discountMinor()), p.discountMinor(), "the line and sale discounts come to");
        long rounding = orZero(inv.roundingMinor());
        if (roundingIncrementMinor != null) {
            long expected = PricedInvoice.rounding(p.totalMinor(), inv.payments(), roundingIncrementMinor, isCash);
            if (expected != rounding) {
                problems.add("rounding is " + Money.format(rounding) + " but the cash due on a total of " + Money.format(p.totalMinor())
                        + " rounds by " + Money.format(expected) + " at the profile's increment of " + Money.format(roundingIncrementMinor));
            }
        }
        for (int i = 0; i < inv.payments().size(); i++) {
            Payment pay = inv.payments().get(i);
            if (isReturn ? pay.amountMinor() >= 0 : pay.amountMinor() <= 0) {
                problems.add("payment " + (i + 1) + " (" + pay.mode() + ") must be " + (isReturn ? "negative on a return" : "positive")
                        + ", got " + Money.format(pay.amountMinor()));
            }
        }
        if (isReturn && inv.changeMinor() != 0) problems.add("a return gives no change");
        if (inv.changeMinor() < 0) problems.add("change is negative");
        long paid = InvoiceMath.paid(inv.payments());
        if (paid - inv.changeMinor() != inv.grandTotalMinor() + rounding) {
            problems.add("payments " + Money.format(paid) + " minus change " + Money.format(inv.changeMinor()) + " do not equal the total "
                    + Money.format(inv.grandTotalMinor()) + " plus the rounding " + Money.format(rounding));
        }
        long cash = inv.payments().stream().filter(isCash).mapToLong(Payment::amountMinor).sum();
        if (inv.changeMinor() > 0 && inv.changeMinor() > cash) {
            problems.add("change " + Money.format(inv.changeMinor()) + " exceeds the cash tendered");
        }
        return new Result(problems, p);
    }

    /** The discounts of {@code p} above {@code maxBp} basis points of what each was taken from: the ones that need approval. */
    public static List<OverLimit> overLimit(PricedSale p, long maxBp) {
        List<OverLimit> out = new ArrayList<>();
        long afterLines = 0;
        for (int i = 0; i < p.lines().size(); i++) {
            PricedLine l = p.lines().get(i);
            afterLines += l.grossMinor() - l.lineDiscountMinor();
            Discount d = l.line().discount();
            if (d == null || d.value() == 0) continue;
            long bp = d.basisPointsOf(Math.abs(l.grossMinor()));
            if (bp > maxBp) out.add(new OverLimit("line " + (i + 1) + " (" + l.line().itemCode() + ")", d, bp));
        }
        Discount s = p.saleDiscount();
        if (s != null && s.value() != 0) {
            long bp = s.basisPointsOf(Math.abs(afterLines));
            if (bp > maxBp) out.add(new OverLimit("the sale", s, bp));
        }
        return out;
    }

    /** 1500 bp → "15%". */
    public static String percent(long bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String at(int i, InvoiceLine l) {
        return "line " + (i + 1) + " (" + l.itemCode() + ")";
    }

    private static long lineDiscounts(PricedSale p) {
        return p.lines().stream().mapToLong(PricedLine::lineDiscountMinor).sum();
    }

    private static String describe(Discount d, long grossMinor) {
        if (d == null) return "no discount was entered, so it is";
        return d.kind() == Discount.Kind.PERCENT ? percent(d.value()) + " of " + Money.format(grossMinor) + " is"
                : "the discount entered is";
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static void differ(List<String> problems, String what, Long sent, long expected, String because) {
        if (Objects.equals(sent, expected)) return;
        problems.add(what + " is " + (sent == null ? "missing" : Money.format(sent)) + " but " + because + " " + Money.format(expected));
    }
}
