package dev.tillsync.core.returns;

/**
 * One line of a {@link ReturnableInvoice}. {@code discountMinor} is everything taken off the line (its own discount and
 * its share of the sale's), so {@code grossMinor − discountMinor} is what the customer paid for it before tax (or with
 * tax, on an inclusive list), and a return of part of the line refunds that part of it: see {@link ReturnPricing}.
 *
 * @param lineNo        1-based position on the sale
 * @param qtyMilli      sold, in thousandths of {@code unit} (positive)
 * @param returnedMilli already returned from any till (positive, at most {@code qtyMilli})
 * @param rateMinor     shelf price per unit as sold
 * @param taxRateBp     tax rate as sold
 * @param grossMinor    quantity × shelf price, as sold
 * @param discountMinor line discount plus share of the sale discount, as sold
 * @param totalMinor    what the customer paid for the line
 */
public record ReturnableLine(int lineNo, String itemCode, String itemName, String unit, long qtyMilli, long returnedMilli,
                             long rateMinor, int taxRateBp, long grossMinor, long discountMinor, long totalMinor) {
    /** What may still come back of this line. */
    public long leftMilli() {
        return Math.max(0, qtyMilli - returnedMilli);
    }
}
