package dev.tillsync.core.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The money rule of a sale (invariant 8), the one the terminal prices with, the server recomputes with and the receipt
 * prints from. Written out with its reasons in docs/pricing.md; in order, per line then for the sale:
 * <ol>
 *   <li>gross = quantity (thousandths) × shelf price ÷ 1000, rounded half-even to the minor unit;</li>
 *   <li>the line's discount is taken from its gross (a percentage rounded half-even; an amount as given, never more than the gross);</li>
 *   <li>the sale's discount is taken from the sum of the lines after their own discounts, and spread over the lines in
 *       proportion to those amounts by the largest-remainder method (shares rounded down; the minor units left over go
 *       one each to the lines with the largest remainders, the earlier line first on a tie), so the shares add up to
 *       the sale's discount exactly and the same cart always spreads the same way;</li>
 *   <li>tax per line on what is left: exclusive prices → tax = amount × rate, total = amount + tax; inclusive prices →
 *       total = amount, tax = amount × rate ÷ (1 + rate), net = total − tax; each rounded half-even to the minor unit;</li>
 *   <li>the sale's net, tax and total are the sums of its lines.</li>
 * </ol>
 * All arithmetic is exact in long (BigInteger where a product would overflow); nothing is ever a double.
 */
public final class SaleMath {
    private SaleMath() {}

    public static PricedSale price(List<CartLine> cart, Discount saleDiscount, boolean pricesIncludeTax) {
        if (cart.isEmpty()) throw new PricingException("A sale needs at least one line.");
        int n = cart.size();
        long[] gross = new long[n], lineOff = new long[n], after = new long[n];
        long afterSum = 0;
        for (int i = 0; i < n; i++) {
            CartLine l = cart.get(i);
            gross[i] = gross(l.qtyMilli(), l.rateMinor());
            long base = Math.abs(gross[i]);
            long off = l.discount() == null ? 0 : l.discount().off(base);
            lineOff[i] = Long.signum(gross[i]) * off;
            after[i] = gross[i] - lineOff[i];
            afterSum = Math.addExact(afterSum, after[i]);
        }
        long saleOff = saleDiscount == null ? 0 : Long.signum(afterSum) * saleDiscount.off(Math.abs(afterSum));
        long[] shares = spread(saleOff, after, afterSum);
        List<PricedLine> lines = new ArrayList<>(n);
        long g = 0, d = 0, net = 0, tax = 0, total = 0;
        for (int i = 0; i < n; i++) {
            CartLine l = cart.get(i);
            long amount = after[i] - shares[i];
            long lineTax, lineNet, lineTotal;
            if (pricesIncludeTax) {
                lineTax = Rounding.mulDivHalfEven(amount, l.taxRateBp(), 10_000L + l.taxRateBp());
                lineTotal = amount;
                lineNet = amount - lineTax;
            } else {
                lineTax = Rounding.mulDivHalfEven(amount, l.taxRateBp(), 10_000L);
                lineNet = amount;
                lineTotal = Math.addExact(amount, lineTax);
            }
            lines.add(new PricedLine(l, gross[i], lineOff[i], shares[i], lineNet, lineTax, lineTotal));
            g += gross[i];
            d += lineOff[i] + shares[i];
            net += lineNet;
            tax += lineTax;
            total += lineTotal;
        }
        return new PricedSale(lines, pricesIncludeTax, saleDiscount, g, d, net, tax, total);
    }

    /** quantity (thousandths) × unit price ÷ 1000, half-even. */
    public static long gross(long qtyMilli, long rateMinor) {
        return Rounding.mulDivHalfEven(qtyMilli, rateMinor, 1000);
    }

    /**
     * Spreads {@code total} over lines in proportion to {@code weights} (all of one sign, summing to {@code sum}) by the
     * largest-remainder method; returns each line's share. Shares add up to {@code total} exactly.
     */
    static long[] spread(long total, long[] weights, long sum) {
        int n = weights.length;
        long[] shares = new long[n];
        if (total == 0 || sum == 0) return shares;
        long sign = Long.signum(total), t = Math.abs(total), s = Math.abs(sum);
        java.math.BigInteger bt = java.math.BigInteger.valueOf(t), bs = java.math.BigInteger.valueOf(s);
        long[] rest = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            java.math.BigInteger[] qr = bt.multiply(java.math.BigInteger.valueOf(Math.abs(weights[i]))).divideAndRemainder(bs);
            shares[i] = qr[0].longValueExact();
            rest[i] = qr[1].longValueExact();
            given += shares[i];
        }
        long left = t - given; // < n: each share lost less than one minor unit
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> rest[a] != rest[b] ? Long.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; k < left; k++) shares[order[k]]++;
        for (int i = 0; i < n; i++) shares[i] *= sign;
        return shares;
    }
}
