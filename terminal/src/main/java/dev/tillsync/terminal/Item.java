package dev.tillsync.terminal;

import java.util.List;

/**
 * An item as this terminal sells it now: price before tax and tax rate from the last pull, and the
 * local stock (server stock minus this terminal's sales the server has not yet counted).
 */
public record Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active,
                   Long localStock, String unit, boolean pricesIncludeTax) {
    public Item {
        barcodes = List.copyOf(barcodes);
        unit = unit == null ? "unit" : unit;
    }

    /** A whole-unit item priced before tax. */
    public Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active, Long localStock) {
        this(code, name, barcodes, priceMinor, taxRateBp, active, localStock, "unit", false);
    }

    /** Why this release cannot sell the item (sold by weight, or priced with tax included), if it cannot: said at the scan. */
    public java.util.Optional<String> cannotSellReason() {
        return dev.tillsync.terminal.sale.SaleableItems.refusal(code, unit, pricesIncludeTax).map(TerminalException::getMessage);
    }
}
