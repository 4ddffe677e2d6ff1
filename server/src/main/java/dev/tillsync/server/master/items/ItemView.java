package dev.tillsync.server.master.items;

import java.util.List;

/** An item as the API shows it: prices in major-unit strings with their list's decimals, stock read-only. */
public record ItemView(String code, String name, String category, String unit, String taxCategory, boolean active,
                       int version, List<String> barcodes, List<Price> prices, List<Stock> stock) {
    public record Price(String priceList, String price, long priceMinor) {}

    public record Stock(String warehouse, String qty, long qtyMilli) {}

    /** What a create or update sends; {@code version} is the one the caller read (updates only). */
    public record Spec(String code, String name, String category, String unit, String taxCategory, Boolean active,
                       Integer version, List<String> barcodes, List<PriceSpec> prices) {}

    public record PriceSpec(String priceList, String price) {}
}
