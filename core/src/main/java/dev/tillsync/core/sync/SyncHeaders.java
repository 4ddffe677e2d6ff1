package dev.tillsync.core.sync;

/**
 * How a device authenticates every sync call: its POS ID in {@code X-Pos-Id} and the secret issued at
 * linking as {@code Authorization: Device <secret>}. A push also carries the till's last measured clock offset
 * ({@link ClockOffset}, milliseconds, the till's clock minus the server's) in {@code X-Clock-Offset-Ms}.
 */
public final class SyncHeaders {
    public static final String POS_ID = "X-Pos-Id";
    public static final String AUTHORIZATION = "Authorization";
    public static final String SCHEME = "Device ";
    /**
     * Protocol features a till understands, comma-separated, sent on every sync call. Both sides refuse unknown JSON
     * fields, so the server adds a newer optional field to its answers only for a till that names it here; a till that
     * sends no such header gets the answers it always got.
     */
    public static final String FEATURES = "X-Sync-Features";
    /** The feature: push results and pull pages carry {@link HighWater} marks. */
    public static final String HIGH_WATER = "high-water";
    /**
     * The feature: pull pages carry master data in its second form (items with unit, category and price list,
     * profiles with payment mode details and money settings, customers with tax number and price list, stock in
     * thousandths, categories). Without it the server sends each record with only the previous release's fields.
     */
    public static final String MASTER_V2 = "master-v2";
    /**
     * The feature: the till pushes invoices in the priced form (quantities in thousandths, discounts, tax-inclusive
     * prices, cash rounding; docs/pricing.md). The server tells the forms apart row by row (a line with qtyMilli is
     * priced), so it accepts both with or without the header; the header says which release a till runs.
     */
    public static final String SALE_V2 = "sale-v2";
    /**
     * The feature: the till reports, in {@link #SYNCED_THROUGH}, the highest sequence it holds as Synced; a server that
     * holds less of the device (restored from a backup, or failed over to a standby that missed the last commits) answers
     * {@code resendAfter} = the highest sequence it holds, and the till queues again every Synced row after it.
     */
    public static final String RESEND = "resend";
    /** The highest sequence the till holds as Synced (0 when none), sent with every push and pull by a till naming {@link #RESEND}. */
    public static final String SYNCED_THROUGH = "X-Synced-Through";
    /** The till's clock minus the server's, in whole milliseconds, sent with each push (the last one it measured). */
    public static final String CLOCK_OFFSET = "X-Clock-Offset-Ms";

    private SyncHeaders() {}
}
