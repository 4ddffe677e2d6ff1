package dev.tillsync.core.returns;

import dev.tillsync.core.pricing.Rounding;

/**
 * How much of a sold line's discount a return of part of it carries (docs/pricing.md, "Returns"). Invariant: however a
 * line comes back, in one return or many, the discounts of its returns add up to exactly the discount it was sold
 * with once all of it is back, so no refund ever pays back more than the customer paid. A return line carries this as
 * an amount discount and is then priced by {@code SaleMath} like any line (negative quantity), so the server's
 * recomputation agrees.
 */
public final class ReturnPricing {
    private ReturnPricing() {}

    /**
     * The discount (minor units, ≥ 0) on a return of {@code returnMilli} of {@code line}, given that {@code
     * alreadyMilli} of it came back before: the cumulative share after this return, less the cumulative share before,
     * each rounded half-even.
     */
    public static long discountFor(ReturnableLine line, long alreadyMilli, long returnMilli) {
        if (returnMilli <= 0) throw new IllegalArgumentException("a return quantity is positive");
        if (alreadyMilli + returnMilli > line.qtyMilli()) throw new IllegalArgumentException("more than was sold");
        return share(line.discountMinor(), alreadyMilli + returnMilli, line.qtyMilli())
                - share(line.discountMinor(), alreadyMilli, line.qtyMilli());
    }

    private static long share(long discountMinor, long partMilli, long wholeMilli) {
        return Rounding.mulDivHalfEven(discountMinor, partMilli, wholeMilli);
    }
}
