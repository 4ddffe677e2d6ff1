package dev.tillsync.core.master;

import java.util.List;

/**
 * An item as a till sells it under one price list (pull entity {@code item}, scope = the price list's name): the
 * price in that list (before tax, or including tax when {@code pricesIncludeTax}), the tax rate of its tax category
 * in basis points, and its unit of measure ({@link Unit}: quantities are thousandths of it).
 *
 * <p>The first six fields are the wire form of the previous release; the rest reach only a till that sends the
 * {@code master-v2} feature (see SyncHeaders), so an old till still parses every item it is sent.
 */
public record ItemData(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active,
                       String unit, String category, String taxCategory, String priceList, boolean pricesIncludeTax) {
    public ItemData {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
        unit = unit == null ? Unit.UNIT.code() : unit;
    }

    /** A whole-unit item outside any category or named list: the previous release's form. */
    public ItemData(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active) {
        this(code, name, barcodes, priceMinor, taxRateBp, active, Unit.UNIT.code(), null, null, null, false);
    }
}
