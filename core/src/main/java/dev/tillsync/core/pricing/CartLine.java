package dev.tillsync.core.pricing;

/**
 * A line as the cashier entered it: an item, a quantity in thousandths of its unit, its shelf price per unit in minor
 * units (before tax, or including tax when the cart's price list says so), its tax rate and an optional discount.
 * {@code measured}: the item's unit is kg/g/l/m; a whole-unit item takes only whole thousands.
 */
public record CartLine(String itemCode, String itemName, long qtyMilli, boolean measured, long rateMinor, int taxRateBp,
                       Discount discount) {
    public CartLine {
        if (rateMinor < 0) throw new PricingException(itemCode + ": a price cannot be negative.");
        if (taxRateBp < 0 || taxRateBp > 10_000) throw new PricingException(itemCode + ": tax rate " + taxRateBp + " bp is out of range.");
        if (!measured && qtyMilli % 1000 != 0) {
            throw new PricingException(itemCode + " is sold by the unit; a quantity of " + java.math.BigDecimal.valueOf(qtyMilli, 3)
                    .stripTrailingZeros().toPlainString() + " is not a whole number.");
        }
    }
}
