package dev.tillsync.desktop.refund;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cashier chose to take back of a sale and where the money goes. Invariant: the refunds add up to exactly
 * what the return lines cost as priced by core's {@link InvoiceLine} (the engine prices the return the same way and
 * refuses any other sum), and a tender other than cash gets back at most what it paid, cash the rest.
 *
 * @param quantities per line number, whole units to return (absent or 0: nothing of that line)
 */
public record RefundPlan(ReturnableInvoice sale, Map<Integer, Long> quantities) {
    public RefundPlan {
        quantities = Map.copyOf(quantities);
    }

    public boolean isEmpty() {
        return quantities.values().stream().allMatch(q -> q == 0);
    }

    /** The return's lines at the price and tax of the sale (negative quantities). */
    public List<InvoiceLine> lines() {
        List<InvoiceLine> out = new ArrayList<>();
        for (ReturnableLine l : sale.lines()) {
            long q = quantities.getOrDefault(l.lineNo(), 0L);
            if (q > 0) out.add(InvoiceLine.of(l.itemCode(), l.itemName(), -q, l.rateMinor(), l.taxRateBp()));
        }
        return out;
    }

    /** What goes back to the customer (positive). */
    public long amountMinor() {
        return -InvoiceMath.grandTotal(lines());
    }

    /** The refund per tender (positive amounts), card first up to what the card paid, then cash. */
    public Map<String, Long> byTender() {
        long left = amountMinor();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Payment p : sale.payments()) {
            if (p.isCash() || left == 0) continue;
            long take = Math.min(left, Math.max(0, p.amountMinor()));
            if (take > 0) out.merge(p.mode(), take, Long::sum);
            left -= take;
        }
        if (left > 0) out.merge(Payment.CASH, left, Long::sum);
        return out;
    }

    /** The engine's request: units coming back per item, refunds as negative payments. */
    public ReturnRequest request() {
        List<SaleItem> items = new ArrayList<>();
        for (ReturnableLine l : sale.lines()) {
            long q = quantities.getOrDefault(l.lineNo(), 0L);
            if (q > 0) items.add(new SaleItem(l.itemCode(), q));
        }
        List<Payment> refunds = new ArrayList<>();
        byTender().forEach((mode, amount) -> refunds.add(new Payment(mode, -amount, null)));
        return new ReturnRequest(sale.number(), items, refunds);
    }
}
