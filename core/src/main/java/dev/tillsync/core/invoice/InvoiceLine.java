package dev.tillsync.core.invoice;

/**
 * One line of an invoice as sold: the price and tax in force on the device at the time of sale
 * (invariant 6: the past is not rewritten). Quantity is a whole number of units; negative on returns.
 *
 * @param itemCode   item code (not the barcode)
 * @param itemName   name printed on the receipt
 * @param qty        units sold, &gt; 0 on a sale, &lt; 0 on a return
 * @param rateMinor  unit price before tax, minor units
 * @param taxRateBp  tax rate in basis points (1500 = 15%)
 * @param netMinor   qty × rate
 * @param taxMinor   net × taxRate, rounded half-even per line
 * @param totalMinor net + tax
 */
public record InvoiceLine(String itemCode, String itemName, long qty, long rateMinor, int taxRateBp,
                          long netMinor, long taxMinor, long totalMinor) {

    /** Builds a line with its amounts computed by {@link InvoiceMath}. */
    public static InvoiceLine of(String itemCode, String itemName, long qty, long rateMinor, int taxRateBp) {
        long net = InvoiceMath.lineNet(qty, rateMinor);
        long tax = InvoiceMath.lineTax(net, taxRateBp);
        return new InvoiceLine(itemCode, itemName, qty, rateMinor, taxRateBp, net, tax, net + tax);
    }
}
