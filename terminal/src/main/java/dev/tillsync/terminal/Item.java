package dev.tillsync.terminal;

import java.util.List;

/**
 * An item as this terminal sells it now: shelf price (before tax, or including it when {@code pricesIncludeTax}) and
 * tax rate from the last pull, its unit, and the local stock (server stock minus this terminal's sales the server has
 * not yet counted): {@code localStockMilli} in thousandths of the unit, {@code localStock} its whole units.
 */
public record Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active,
                   Long localStock, String unit, boolean pricesIncludeTax, Long localStockMilli) {
    public Item {
        barcodes = List.copyOf(barcodes);
        unit = unit == null ? "unit" : unit;
    }

    public Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active,
                Long localStock, String unit, boolean pricesIncludeTax) {
        this(code, name, barcodes, priceMinor, taxRateBp, active, localStock, unit, pricesIncludeTax,
                localStock == null ? null : localStock * 1000);
    }

    /** A whole-unit item priced before tax. */
    public Item(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active, Long localStock) {
        this(code, name, barcodes, priceMinor, taxRateBp, active, localStock, "unit", false);
    }

    /** Sold in fractions (kg, g, l, m): the screen asks for the quantity. */
    public boolean measured() {
        return dev.tillsync.core.master.Unit.parse(unit).map(dev.tillsync.core.master.Unit::measured).orElse(false);
    }

    /** Why this till cannot sell the item (a unit it does not know), if it cannot: said at the scan. */
    public java.util.Optional<String> cannotSellReason() {
        return dev.tillsync.terminal.sale.SaleableItems.refusal(code, unit, pricesIncludeTax).map(TerminalException::getMessage);
    }
}
