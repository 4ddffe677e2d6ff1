package dev.tillsync.desktop.sale;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.QuoteLine;
import dev.tillsync.terminal.SaleItem;
import java.math.BigDecimal;

/**
 * One cart line as the cashier entered it (item, quantity in thousandths of its unit, optional discount) and, once
 * the engine has quoted the cart, as it will be recorded ({@code priced}, from PosTerminal.quote: the till shows
 * exactly the receipt's figures). {@code priced} is null while the quote is on its way.
 */
public record CartLine(Item item, long qtyMilli, Discount discount, QuoteLine priced) {
    public CartLine {
        if (qtyMilli <= 0) throw new IllegalArgumentException("quantity must be above zero");
    }

    public CartLine(Item item, long units) {
        this(item, Math.multiplyExact(units, Unit.MILLI), null, null);
    }

    /** Whole units (for unit items). */
    public long qty() {
        return qtyMilli / Unit.MILLI;
    }

    public SaleItem saleItem() {
        return new SaleItem(item.code(), qtyMilli, discount);
    }

    CartLine withQty(long milli) {
        return new CartLine(item, milli, discount, null);
    }

    CartLine withDiscount(Discount d) {
        return new CartLine(item, qtyMilli, d, null);
    }

    CartLine priced(QuoteLine q) {
        return new CartLine(item, qtyMilli, discount, q);
    }

    /** The quantity as the cashier reads it: "3", or "1.250 kg" for a measured item. */
    public String qtyText() {
        return item.measured() ? BigDecimal.valueOf(qtyMilli, 3).toPlainString() + " " + item.unit() : Unit.format(qtyMilli);
    }

    /** The line's total as quoted, or null while the quote is on its way. */
    public Long totalMinor() {
        return priced == null ? null : priced.totalMinor();
    }
}
