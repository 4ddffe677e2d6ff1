package dev.tillsync.core.invoice;

import dev.tillsync.core.pricing.CashRounding;
import dev.tillsync.core.pricing.PricedLine;
import dev.tillsync.core.pricing.PricedSale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a cart priced by {@code SaleMath} into the invoice a till pushes, in the priced wire form of docs/pricing.md.
 * Invariant: every figure on the invoice is one {@code SaleMath} computed (or the cash rounding of
 * {@link #rounding}), so the server, recomputing with the same code, finds them equal.
 */
public final class PricedInvoice {
    private PricedInvoice() {}

    /**
     * The invoice for {@code sale}: {@code units} holds each line's unit code (same order as the lines), {@code
     * roundingIncrementMinor} the profile's cash rounding increment. Change is what was paid beyond the total plus
     * the rounding.
     */
    public static InvoicePayload of(InvoiceHeader h, PricedSale sale, List<String> units, List<Payment> payments,
                                    long roundingIncrementMinor) {
        if (units.size() != sale.lines().size()) throw new IllegalArgumentException("one unit per line");
        List<InvoiceLine> lines = new ArrayList<>(sale.lines().size());
        for (int i = 0; i < sale.lines().size(); i++) lines.add(line(sale.lines().get(i), units.get(i)));
        long rounding = rounding(sale.totalMinor(), payments, roundingIncrementMinor);
        long change = Math.max(0, InvoiceMath.paid(payments) - sale.totalMinor() - rounding);
        return new InvoicePayload(h.number(), h.postedAt(), h.customerNumber(), h.cashier(), h.shiftUuid(), h.offline(),
                h.returnAgainst(), h.profileKey(), lines, payments, change, sale.netMinor(), sale.taxMinor(), sale.totalMinor(),
                null, sale.pricesIncludeTax(), sale.saleDiscount(), sale.discountMinor(), rounding);
    }

    /** One priced line in the wire form; {@code qty} carries the whole part of the quantity for previous-release readers. */
    public static InvoiceLine line(PricedLine p, String unit) {
        var c = p.line();
        return new InvoiceLine(c.itemCode(), c.itemName(), c.qtyMilli() / 1000, c.rateMinor(), c.taxRateBp(), p.netMinor(),
                p.taxMinor(), p.totalMinor(), c.qtyMilli(), unit, p.grossMinor(), c.discount(), p.lineDiscountMinor(),
                p.saleDiscountMinor());
    }

    /**
     * The cash rounding adjustment of a sale of {@code totalMinor}: what is left to pay in cash once the other tenders
     * are counted (they are exact) is rounded by {@link CashRounding}; 0 when nothing is paid in cash.
     */
    public static long rounding(long totalMinor, List<Payment> payments, long incrementMinor) {
        return rounding(totalMinor, payments, incrementMinor, Payment::isCash);
    }

    /** As {@link #rounding(long, List, long)}, with the profile's own test of which payment modes are cash. */
    public static long rounding(long totalMinor, List<Payment> payments, long incrementMinor, Predicate<Payment> isCash) {
        if (payments.stream().noneMatch(isCash)) return 0;
        long other = payments.stream().filter(isCash.negate()).mapToLong(Payment::amountMinor).sum();
        return CashRounding.adjustment(totalMinor - other, incrementMinor);
    }
}
