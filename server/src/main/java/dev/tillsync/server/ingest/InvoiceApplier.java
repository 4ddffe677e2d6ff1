package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.invoice.PricedInvoiceCheck;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Checks a sale or return (reads only) and, once its run's single insert gave it an id, lists its lines,
 * payments and stock postings for the batch's deferred writes. Invariant 6: what the device sold is kept
 * as sold; differences with the server's truth (price, disabled item, stock below zero, stale profile,
 * unknown customer, a posted time the server's clock or the device's previous invoice make implausible, a return
 * taking back more than is left of its sale across every till) are flagged, never refused. Invariant: {@link #check} writes nothing, so a row it
 * rejects needs no savepoint.
 */
public final class InvoiceApplier {
    /** An invoice that passed every check, waiting with the rest of its run for one insert (see {@link InvoiceRun}). */
    record Checked(int index, SyncRow row, InvoicePayload invoice, String soldUnder, List<String> review) {}

    private final Catalog catalog;

    public InvoiceApplier(Catalog catalog) {
        this.catalog = catalog;
    }

    Checked check(Handle h, IngestContext ctx, int index, SyncRow row) throws Rejection {
        DeviceRecord device = ctx.device();
        InvoicePayload inv = Payloads.read(row, InvoicePayload.class);
        if (inv.number() == null || !NumberingSeries.invoices(device.invoiceSeries()).contains(inv.number())) {
            throw new Rejection("number_outside_series", "Invoice number '" + inv.number() + "' is not in this device's series "
                    + device.invoiceSeries() + "NNNNNN; a device may only issue numbers from its own series.");
        }
        if (inv.printedNumber() != null && !NumberingSeries.invoices(device.invoiceSeries()).contains(inv.printedNumber())) {
            throw new Rejection("number_outside_series", "Invoice " + inv.number() + " says it was printed as '" + inv.printedNumber()
                    + "', which is not in this device's series " + device.invoiceSeries() + "NNNNNN.");
        }
        if (inv.postedAt() == null) {
            throw new Rejection("invalid_payload", "Invoice " + inv.number() + " has no postedAt time.");
        }
        if (!Payloads.storable(inv.postedAt())) {
            throw new Rejection("invalid_payload", "Invoice " + inv.number() + " has postedAt " + inv.postedAt() + ", outside the years 1 to 9999.");
        }
        if (!inv.priced()) {
            if (Boolean.TRUE.equals(inv.pricesIncludeTax()) || inv.saleDiscount() != null || nonZero(inv.discountMinor())
                    || nonZero(inv.roundingMinor())) {
                throw new Rejection("totals_mismatch", "Invoice " + inv.number() + " has prices including tax, a discount or a rounding,"
                        + " but its lines carry no qtyMilli: a priced invoice gives every line its qtyMilli (docs/pricing.md).");
            }
            List<String> problems = InvoiceMath.inconsistencies(inv);
            if (!problems.isEmpty()) {
                throw new Rejection("totals_mismatch", "Invoice " + inv.number() + " does not add up: " + String.join("; ", problems));
            }
        }
        for (InvoiceLine l : inv.lines()) {
            if (l.itemCode() == null || l.itemCode().isBlank()) {
                throw new Rejection("invalid_payload", "Invoice " + inv.number() + " has a line without an item code.");
            }
        }
        Map<String, ItemData> items = ctx.items(h, inv.lines().stream().map(InvoiceLine::itemCode).distinct().toList());
        for (InvoiceLine l : inv.lines()) {
            if (!items.containsKey(l.itemCode())) {
                throw new Rejection("unknown_item", "Invoice " + inv.number() + ": item '" + l.itemCode()
                        + "' does not exist on the server; create it in the back office, then retry.");
            }
        }
        for (Payment p : inv.payments()) {
            if (p.mode() == null || device.paymentModes().stream().noneMatch(m -> m.equalsIgnoreCase(p.mode()))) {
                throw new Rejection("unknown_payment_mode", "Invoice " + inv.number() + ": payment mode '" + p.mode()
                        + "' is not allowed by POS profile " + device.profileName() + " (" + String.join(", ", device.paymentModes()) + ").");
            }
        }
        String soldUnder = inv.profileKey() != null ? inv.profileKey() : ctx.batchProfileKey();
        boolean staleProfile = soldUnder == null || !soldUnder.equals(device.profilePlk());
        List<String> pricedReview = inv.priced() ? checkPriced(h, ctx, inv, items, staleProfile) : List.of();
        if (!ctx.claimInvoiceNumber(inv.number())) {
            throw InvoiceRun.duplicateNumber(inv.number());
        }

        List<String> review = new ArrayList<>();
        if (inv.printedNumber() != null) {
            review.add("renumbered by the till: printed on the customer's receipt as " + inv.printedNumber()
                    + ", a number the server already held from another row (the till's data was restored from an older copy); booked as "
                    + inv.number());
        }
        if (staleProfile) {
            review.add("sold under profile key " + soldUnder + " but the device's current profile key is " + device.profilePlk()
                    + " (stale or foreign POS profile)");
        }
        for (InvoiceLine l : inv.lines()) {
            ItemData item = items.get(l.itemCode());
            if (l.rateMinor() != item.priceMinor()) {
                review.add(l.itemCode() + " sold at " + Money.format(l.rateMinor()) + ", server price is " + Money.format(item.priceMinor()));
            }
            if (l.taxRateBp() != item.taxRateBp()) {
                review.add(l.itemCode() + " taxed at " + l.taxRateBp() + " bp, server rate is " + item.taxRateBp() + " bp");
            }
            if (!item.active()) {
                review.add(l.itemCode() + " is disabled on the server");
            }
        }
        review.addAll(pricedReview);
        review.addAll(ctx.postedTimeReasons(h, row.seq(), inv.number(), inv.postedAt()));
        if (inv.customerNumber() != null && !ctx.customerExists(h, inv.customerNumber())) {
            review.add("customer " + inv.customerNumber() + " is not known yet");
        }
        if (inv.isReturn()) {
            List<String> conflicts = ctx.returned().check(h, inv);
            if (conflicts != null) {
                review.addAll(conflicts);
            } else if (!ctx.invoiceSeen(inv.returnAgainst()) && !h.createQuery("select exists (select 1 from sales_invoice where number = :n)")
                    .bind("n", inv.returnAgainst()).mapTo(Boolean.class).one()) {
                review.add("return against invoice " + inv.returnAgainst() + ", which the server has not received");
            }
        } else {
            ctx.returned().sale(inv);
        }
        return new Checked(index, row, inv, soldUnder, review);
    }

    /** The inserted invoice's lines, payments and per-item stock postings, written with the rest of the batch. */
    static void effects(long invoiceId, Checked c, long deviceId, String warehouse, RowEffects effects) {
        InvoicePayload inv = c.invoice();
        for (int i = 0; i < inv.lines().size(); i++) effects.line(invoiceId, i + 1, inv.lines().get(i));
        for (int i = 0; i < inv.payments().size(); i++) effects.payment(invoiceId, i + 1, inv.payments().get(i));
        Map<String, Long> perItem = new TreeMap<>();
        for (InvoiceLine l : inv.lines()) perItem.merge(l.itemCode(), -l.quantityMilli(), Long::sum);
        perItem.forEach((code, qty) -> effects.post(warehouse, code, qty, "Sales Invoice", inv.number(), deviceId,
                c.row().uuid(), inv.postedAt()));
    }

    /**
     * Recomputes a priced invoice with SaleMath (PricedInvoiceCheck) and refuses it when a figure differs; returns what
     * is flagged instead (invariant 6: a sale that happened is never refused for these): a discount above the profile's
     * limit without a valid approver, a unit or tax flag that differs from the server's item, and, under a stale profile
     * (whose rounding increment may since have changed), a rounding the current increment would not give.
     */
    private static List<String> checkPriced(Handle h, IngestContext ctx, InvoicePayload inv, Map<String, ItemData> items,
                                            boolean staleProfile) throws Rejection {
        ProfileMoneyRules rules = ctx.moneyRules(h);
        PricedInvoiceCheck.Result r = PricedInvoiceCheck.check(inv, staleProfile ? null : rules.roundingIncrementMinor(), rules::isCash);
        if (!r.problems().isEmpty()) {
            throw new Rejection("totals_mismatch", "Invoice " + inv.number() + " does not add up: " + String.join("; ", r.problems()));
        }
        List<String> review = new ArrayList<>();
        if (staleProfile) {
            long expected = PricedInvoice.rounding(inv.grandTotalMinor(), inv.payments(), rules.roundingIncrementMinor(), rules::isCash);
            long sent = inv.roundingMinor() == null ? 0 : inv.roundingMinor();
            if (expected != sent) {
                review.add("cash rounding " + Money.format(sent) + " differs from the " + Money.format(expected)
                        + " the profile's current increment of " + Money.format(rules.roundingIncrementMinor()) + " gives");
            }
        }
        // A return's discounts reproduce the sale's (ReturnPricing, docs/pricing.md "Returns"): no cashier gave them now.
        List<PricedInvoiceCheck.OverLimit> overLimit = inv.isReturn() ? List.of() : PricedInvoiceCheck.overLimit(r.priced(), rules.maxDiscountBp());
        for (PricedInvoiceCheck.OverLimit o : overLimit) {
            String what = o.where() + ": a discount of " + PricedInvoiceCheck.percent(o.basisPoints()) + " is over the profile's limit of "
                    + PricedInvoiceCheck.percent(rules.maxDiscountBp());
            String approver = o.discount().approvedBy();
            if (approver == null || approver.isBlank()) {
                review.add(what + " and no approver was recorded");
            } else if (!rules.mayApprove(h, approver)) {
                review.add(what + " and was approved by '" + approver + "', who may not configure this till (can_configure_pos)");
            }
        }
        for (InvoiceLine l : inv.lines()) {
            ItemData item = items.get(l.itemCode());
            if (item == null) continue;
            String unit = l.unit() == null ? Unit.UNIT.code() : l.unit();
            if (!unit.equalsIgnoreCase(item.unit())) {
                review.add(l.itemCode() + " sold in " + unit + ", server unit is " + item.unit());
            }
        }
        ItemData any = items.values().stream().findFirst().orElse(null);
        if (any != null && any.priceList() != null && any.pricesIncludeTax() != Boolean.TRUE.equals(inv.pricesIncludeTax())) {
            review.add("sold with prices " + (Boolean.TRUE.equals(inv.pricesIncludeTax()) ? "including" : "before") + " tax, but price list "
                    + any.priceList() + " has prices " + (any.pricesIncludeTax() ? "including" : "before") + " tax");
        }
        return review;
    }

    private static boolean nonZero(Long v) {
        return v != null && v != 0;
    }
}
