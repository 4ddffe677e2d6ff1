package dev.tillsync.terminal;

/** One scanned or typed line: an item code or barcode and a whole quantity (&gt; 0). */
public record SaleItem(String codeOrBarcode, long qty) {
    /** Parses {@code CODE_OR_BARCODE[:QTY]} as typed on the CLI; quantity defaults to 1. */
    public static SaleItem parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TerminalException("bad_item", "An item is empty: give an item code or barcode, optionally :QTY.");
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) return new SaleItem(text.trim(), 1);
        String code = text.substring(0, colon).trim();
        String q = text.substring(colon + 1).trim();
        long qty;
        try {
            qty = Long.parseLong(q);
        } catch (NumberFormatException e) {
            throw new TerminalException("bad_quantity", "Quantity '" + q + "' for item '" + code + "' is not a whole number.");
        }
        return new SaleItem(code, qty);
    }
}
