package dev.tillsync.desktop.sale;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.terminal.Item;

/** One cart line as the cashier sees it; amounts follow {@link InvoiceLine#of}, the same arithmetic the engine records. */
public record CartLine(Item item, long qty) {
    public CartLine {
        if (qty <= 0) throw new IllegalArgumentException("quantity must be at least 1");
    }

    public InvoiceLine asInvoiceLine() {
        return InvoiceLine.of(item.code(), item.name(), qty, item.priceMinor(), item.taxRateBp());
    }

    public long totalMinor() {
        return asInvoiceLine().totalMinor();
    }
}
