package dev.tillsync.core.pricing;

import java.util.List;

/**
 * A priced cart. Totals are the sums of the lines (the invoice's tax is the sum of its lines' taxes, never a tax of the
 * total). {@code discountMinor} is every line and sale discount together.
 */
public record PricedSale(List<PricedLine> lines, boolean pricesIncludeTax, Discount saleDiscount, long grossMinor,
                         long discountMinor, long netMinor, long taxMinor, long totalMinor) {
    public PricedSale {
        lines = List.copyOf(lines);
    }
}
