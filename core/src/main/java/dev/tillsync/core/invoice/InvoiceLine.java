package dev.tillsync.core.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tillsync.core.pricing.Discount;

/**
 * One line of an invoice as sold: the price and tax in force on the device at the time of sale
 * (invariant 6: the past is not rewritten). Negative quantities on returns.
 *
 * <p>The first eight fields are the previous release's wire form (whole units, no discount, tax-exclusive price). The
 * rest are the priced form of docs/pricing.md ("Wire form of a priced invoice"), null on a previous-release row and
 * then absent from the JSON, so a till of that release, which refuses unknown fields, never sees them. A line with
 * {@code qtyMilli} is checked by {@code SaleMath}, one without by {@link InvoiceMath}.
 *
 * @param itemCode          item code (not the barcode)
 * @param itemName          name printed on the receipt
 * @param qty               whole units sold (&gt; 0 on a sale, &lt; 0 on a return); on a priced line the whole part of
 *                          {@code qtyMilli}, kept for readers of the previous release only
 * @param rateMinor         shelf price per unit, minor units (including tax when the invoice's pricesIncludeTax)
 * @param taxRateBp         tax rate in basis points (1500 = 15%)
 * @param netMinor          the taxed amount
 * @param taxMinor          the line's tax, rounded half-even per line
 * @param totalMinor        net + tax: what the customer pays for the line
 * @param qtyMilli          quantity in thousandths of {@code unit}; null on a previous-release row (then qty × 1000)
 * @param unit              the item's unit code at the time of sale
 * @param grossMinor        quantity × shelf price, before any discount
 * @param discount          the line's discount as entered, or null
 * @param lineDiscountMinor the line's own discount
 * @param saleDiscountMinor the line's share of the sale's discount
 */
public record InvoiceLine(String itemCode, String itemName, long qty, long rateMinor, int taxRateBp,
                          long netMinor, long taxMinor, long totalMinor,
                          Long qtyMilli, String unit, Long grossMinor, Discount discount, Long lineDiscountMinor,
                          Long saleDiscountMinor) {

    /** A line of the previous release's form (whole units, no discount). */
    public InvoiceLine(String itemCode, String itemName, long qty, long rateMinor, int taxRateBp,
                       long netMinor, long taxMinor, long totalMinor) {
        this(itemCode, itemName, qty, rateMinor, taxRateBp, netMinor, taxMinor, totalMinor, null, null, null, null, null, null);
    }

    /** Builds a line with its amounts computed by {@link InvoiceMath}. */
    public static InvoiceLine of(String itemCode, String itemName, long qty, long rateMinor, int taxRateBp) {
        long net = InvoiceMath.lineNet(qty, rateMinor);
        long tax = InvoiceMath.lineTax(net, taxRateBp);
        return new InvoiceLine(itemCode, itemName, qty, rateMinor, taxRateBp, net, tax, net + tax);
    }

    /** True when the line is in the priced form (docs/pricing.md): checked by SaleMath, not InvoiceMath. */
    @JsonIgnore // derived, not part of the wire form
    public boolean priced() {
        return qtyMilli != null;
    }

    /** The quantity in thousandths, whichever form the line is in. */
    @JsonIgnore // derived, not part of the wire form
    public long quantityMilli() {
        return qtyMilli != null ? qtyMilli : Math.multiplyExact(qty, 1000L);
    }
}
