package dev.tillsync.desktop.sale;

import dev.tillsync.core.pricing.Discount;
import dev.tillsync.terminal.CartQuote;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sale being built, as entered: lines, a sale discount. Scanning a unit item again adds to its line (a measured
 * item or a discounted line gets a line of its own). Every figure shown comes from the engine's quote of exactly these
 * lines ({@link #priced}); a change clears the figures until the next quote arrives.
 */
public final class Cart {
    private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
    private Discount saleDiscount;
    private CartQuote quote;

    public ObservableList<CartLine> lines() {
        return lines;
    }

    /** Adds {@code qtyMilli} of the item; returns the index of the line that changed. */
    public int add(Item item, long qtyMilli) {
        quote = null;
        if (!item.measured()) {
            for (int i = 0; i < lines.size(); i++) {
                CartLine l = lines.get(i);
                if (l.item().code().equals(item.code()) && l.discount() == null) {
                    lines.set(i, l.withQty(l.qtyMilli() + qtyMilli));
                    return i;
                }
            }
        }
        lines.add(new CartLine(item, qtyMilli, null, null));
        return lines.size() - 1;
    }

    /** One unit of the item. */
    public int add(Item item) {
        return add(item, 1000);
    }

    public void setQtyMilli(int index, long qtyMilli) {
        quote = null;
        lines.set(index, lines.get(index).withQty(qtyMilli));
    }

    public void setQty(int index, long units) {
        setQtyMilli(index, Math.multiplyExact(units, 1000));
    }

    public void setDiscount(int index, Discount d) {
        quote = null;
        lines.set(index, lines.get(index).withDiscount(d));
    }

    public Discount saleDiscount() {
        return saleDiscount;
    }

    public void setSaleDiscount(Discount d) {
        quote = null;
        saleDiscount = d;
    }

    public void remove(int index) {
        quote = null;
        lines.remove(index);
    }

    public void clear() {
        quote = null;
        saleDiscount = null;
        lines.clear();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** What the engine is asked to price and sell: item codes, quantities and discounts only. */
    public List<SaleItem> saleItems() {
        return lines.stream().map(CartLine::saleItem).toList();
    }

    /** The same lines with another line's discount, for checking a discount before it is applied. */
    public List<SaleItem> saleItemsWith(int index, Discount d) {
        List<SaleItem> items = new java.util.ArrayList<>(saleItems());
        items.set(index, items.get(index).withDiscount(d));
        return items;
    }

    /** Takes the engine's quote if it is for exactly these lines; false if the cart changed since it was asked. */
    public boolean priced(List<SaleItem> askedFor, Discount askedDiscount, CartQuote q) {
        if (!askedFor.equals(saleItems()) || !java.util.Objects.equals(askedDiscount, saleDiscount) || q.lines().size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) lines.set(i, lines.get(i).priced(q.lines().get(i)));
        quote = q;
        return true;
    }

    /** The quote of the cart as it is now, or null while one is on its way. */
    public CartQuote quote() {
        return quote;
    }
}
