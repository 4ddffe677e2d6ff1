package dev.tillsync.core.master;

/**
 * The server's stock of an item in the profile's warehouse, as of the change. {@code qtyMilli} is in thousandths of
 * the item's unit; {@code qty} is the same level in whole units (rounded toward minus infinity), the previous
 * release's field, still sent so an old till reads it.
 */
public record StockLevel(String itemCode, String warehouse, long qty, Long qtyMilli) {
    /** The previous release's form (whole units). */
    public StockLevel(String itemCode, String warehouse, long qty) {
        this(itemCode, warehouse, qty, null);
    }

    public static StockLevel ofMilli(String itemCode, String warehouse, long qtyMilli) {
        return new StockLevel(itemCode, warehouse, Math.floorDiv(qtyMilli, Unit.MILLI), qtyMilli);
    }

    /** The level in thousandths, from either form. */
    public long milli() {
        return qtyMilli != null ? qtyMilli : qty * Unit.MILLI;
    }
}
