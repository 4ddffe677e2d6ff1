package dev.tillsync.terminal;

import dev.tillsync.core.pricing.Discount;

/**
 * One line of a {@link CartQuote} as SaleMath priced it: what the screen shows and the receipt will print.
 *
 * @param unit              the item's unit code (unit, kg, g, l, m)
 * @param qtyMilli          thousandths of the unit
 * @param rateMinor         shelf price per unit (including tax when the quote's pricesIncludeTax)
 * @param grossMinor        quantity × shelf price
 * @param discount          the line's discount as entered, or null
 * @param lineDiscountMinor the line's own discount; {@code saleDiscountMinor} its share of the sale's
 */
public record QuoteLine(String itemCode, String itemName, String unit, long qtyMilli, long rateMinor, int taxRateBp, long grossMinor,
                        Discount discount, long lineDiscountMinor, long saleDiscountMinor, long netMinor, long taxMinor, long totalMinor) {}
