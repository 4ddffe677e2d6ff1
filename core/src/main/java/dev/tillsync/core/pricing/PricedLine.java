package dev.tillsync.core.pricing;

/**
 * A line with its amounts, all in minor units: {@code grossMinor} = quantity × shelf price; {@code lineDiscountMinor}
 * its own discount; {@code saleDiscountMinor} its share of the sale's discount; {@code netMinor}, {@code taxMinor},
 * {@code totalMinor} what is taxed, the tax, and what the customer pays for the line (net + tax = total).
 */
public record PricedLine(CartLine line, long grossMinor, long lineDiscountMinor, long saleDiscountMinor,
                         long netMinor, long taxMinor, long totalMinor) {
    /** gross less both discounts: the amount the tax rule is applied to. */
    public long discountedMinor() {
        return grossMinor - lineDiscountMinor - saleDiscountMinor;
    }
}
