package dev.tillsync.desktop.sale;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sale being built. Scanning the same item again adds to its line. Totals shown here are a preview:
 * the engine recomputes them with the prices in force when the sale is recorded.
 */
public final class Cart {
    private final ObservableList<CartLine> lines = FXCollections.observableArrayList();

    public ObservableList<CartLine> lines() {
        return lines;
    }

    /** Adds one unit of the item; returns the index of the line that changed. */
    public int add(Item item) {
        for (int i = 0; i < lines.size(); i++) {
            CartLine l = lines.get(i);
            if (l.item().code().equals(item.code())) {
                lines.set(i, new CartLine(l.item(), l.qty() + 1));
                return i;
            }
        }
        lines.add(new CartLine(item, 1));
        return lines.size() - 1;
    }

    public void setQty(int index, long qty) {
        if (qty <= 0) {
            lines.remove(index);
        } else {
            lines.set(index, new CartLine(lines.get(index).item(), qty));
        }
    }

    public void remove(int index) {
        lines.remove(index);
    }

    public void clear() {
        lines.clear();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public long netMinor() {
        return InvoiceMath.netTotal(invoiceLines());
    }

    public long taxMinor() {
        return InvoiceMath.taxTotal(invoiceLines());
    }

    public long grandTotalMinor() {
        return InvoiceMath.grandTotal(invoiceLines());
    }

    /** What the engine is asked to sell: item codes and quantities only. */
    public List<SaleItem> saleItems() {
        List<SaleItem> out = new ArrayList<>();
        for (CartLine l : lines) out.add(new SaleItem(l.item().code(), l.qty()));
        return out;
    }

    private List<InvoiceLine> invoiceLines() {
        return lines.stream().map(CartLine::asInvoiceLine).toList();
    }
}
