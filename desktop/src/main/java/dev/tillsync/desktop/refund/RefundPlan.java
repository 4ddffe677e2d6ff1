package dev.tillsync.desktop.refund;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.returns.ReturnPricing;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cashier chose to take back of a sale and where the money goes. Invariant: the figures are core's (each line
 * at the price and tax it was sold at with its share of the sale's discounts by {@link ReturnPricing}, priced by
 * {@link SaleMath}, cash rounded by {@link PricedInvoice#rounding}), as the engine prices the return, so the refunds add up
 * to what it records; a tender other than cash gets back at most what it paid, cash the rest.
 *
 * @param quantities          per line number, thousandths to return (absent or 0: nothing of that line)
 * @param cashIncrementMinor  the profile's cash rounding increment
 */
public record RefundPlan(ReturnableInvoice sale, Map<Integer, Long> quantities, long cashIncrementMinor) {
    public RefundPlan {
        quantities = Map.copyOf(quantities);
    }

    public boolean isEmpty() {
        return quantities.values().stream().allMatch(q -> q == 0);
    }

    private PricedSale priced() {
        List<CartLine> cart = new ArrayList<>();
        for (ReturnableLine l : sale.lines()) {
            long q = quantities.getOrDefault(l.lineNo(), 0L);
            if (q <= 0) continue;
            long off = ReturnPricing.discountFor(l, l.returnedMilli(), q);
            boolean measured = Unit.parse(l.unit()).orElse(Unit.UNIT).measured();
            cart.add(new CartLine(l.itemCode(), l.itemName(), -q, measured, l.rateMinor(), l.taxRateBp(),
                    off == 0 ? null : Discount.amount(off, "return")));
        }
        return SaleMath.price(cart, null, sale.pricesIncludeTax());
    }

    /** The refund per tender (positive amounts): the sale's other tenders first, up to what each paid, then cash (rounded). */
    public Map<String, Long> byTender() {
        long left = -priced().totalMinor();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Payment p : sale.payments()) {
            if (p.isCash() || left == 0) continue;
            long take = Math.min(left, Math.max(0, p.amountMinor()));
            if (take > 0) out.merge(p.mode(), take, Long::sum);
            left -= take;
        }
        if (left > 0) {
            List<Payment> refunds = new ArrayList<>();
            out.forEach((mode, amount) -> refunds.add(new Payment(mode, -amount, null)));
            refunds.add(new Payment(Payment.CASH, -left, null));
            long rounding = PricedInvoice.rounding(priced().totalMinor(), refunds, cashIncrementMinor);
            out.put(Payment.CASH, left - rounding);
        }
        return out;
    }

    /** What goes back to the customer (positive). */
    public long amountMinor() {
        return byTender().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The engine's request: quantities coming back per item, refunds as negative payments. */
    public ReturnRequest request() {
        List<SaleItem> items = new ArrayList<>();
        for (ReturnableLine l : sale.lines()) {
            long q = quantities.getOrDefault(l.lineNo(), 0L);
            if (q > 0) items.add(new SaleItem(l.itemCode(), q, null));
        }
        List<Payment> refunds = new ArrayList<>();
        byTender().forEach((mode, amount) -> refunds.add(new Payment(mode, -amount, null)));
        return new ReturnRequest(sale.number(), items, refunds);
    }
}
