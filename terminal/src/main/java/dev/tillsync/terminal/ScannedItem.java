package dev.tillsync.terminal;

/**
 * What a scan found: the item and, for a scale label, the quantity it carries (thousandths of the item's unit; for a
 * price label the quantity that prices to the label's amount). {@code qtyMilli} null: an ordinary code or barcode (the
 * screen asks for the weight of a measured item, or takes one unit).
 */
public record ScannedItem(Item item, Long qtyMilli, String scanned) {
    /** The line to add to the cart for this scan. */
    public SaleItem saleItem() {
        return new SaleItem(scanned, null, null);
    }
}
