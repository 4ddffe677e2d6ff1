package dev.tillsync.core.master;

import java.util.List;

/** An item as sold on the terminal: price before tax and tax rate in basis points, from the profile's price list. */
public record ItemData(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active) {
    public ItemData {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
    }
}
