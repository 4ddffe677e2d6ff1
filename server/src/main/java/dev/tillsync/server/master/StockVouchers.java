package dev.tillsync.server.master;

/**
 * The voucher types of stock_ledger rows. Stock levels change only by movements: each writes its ledger rows
 * (qty_milli, who, why) and moves the level in the same transaction, and publishes the level (stock entity).
 */
public final class StockVouchers {
    /** From a till's sale or return (ingest). */
    public static final String SALES_INVOICE = "Sales Invoice";
    /** From a till's own stock movement (ingest). */
    public static final String TILL_MOVEMENT = "Stock Movement";
    /** Goods received from a supplier (qty_milli > 0). */
    public static final String RECEIPT = "Stock Receipt";
    /** A correction with a reason (damage, theft, found): any sign. */
    public static final String ADJUSTMENT = "Stock Adjustment";
    /** A count: expected_milli and counted_milli recorded, the variance posted as qty_milli. */
    public static final String STOCKTAKE = "Stocktake";
    /** Between warehouses: two rows with one voucher_no, out of one (negative) and into the other. */
    public static final String TRANSFER = "Stock Transfer";

    private StockVouchers() {}
}
