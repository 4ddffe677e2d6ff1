package dev.tillsync.terminal;

import java.util.List;

/**
 * An item as this terminal sells it now: price before tax and tax rate from the last pull, and the
 * local stock (server stock minus this terminal's sales the server has not yet counted).
 */
public record Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active,
                   Long localStock) {
    public Item {
        barcodes = List.copyOf(barcodes);
    }
}
