package dev.tillsync.core.sync;

/** Entity names used in pull pages, each with its record type in {@code dev.tillsync.core.master}. */
public final class Entities {
    public static final String ITEM = "item";            // ItemData, key = item code, scope = price list
    public static final String CATEGORY = "category";    // CategoryData, key = name (master-v2 tills only)
    public static final String STOCK = "stock";          // StockLevel, key = item code (profile's warehouse)
    public static final String CUSTOMER = "customer";    // CustomerData, key = customer number
    public static final String DEVICE_USER = "device_user"; // DeviceUserData, key = email
    public static final String SHIFT_USER = "shift_user";   // ShiftUserData, key = email + "/" + shift type
    public static final String SHIFT_TYPE = "shift_type";   // ShiftTypeData, key = name
    public static final String PROFILE = "profile";      // ProfileData, key = profile name
    public static final String DEVICE = "device";        // DeviceConfig, key = pos id
    /** Recent sales of the device's store (ReturnableInvoice, key = invoice number), for returns offline; sale-v2 tills only. */
    public static final String STORE_INVOICE = "store_invoice";

    private Entities() {}
}
