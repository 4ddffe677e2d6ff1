package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
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
 * Applies a sale or return: the invoice now; its lines, payments and stock postings with the rest of the batch.
 * Invariant 6: what the device sold is kept as sold; differences with the server's truth (price,
 * disabled item, stock below zero, stale profile, unknown customer) are flagged, never refused.
 */
public final class InvoiceApplier implements RowApplier {
    private final Catalog catalog;

    public InvoiceApplier(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Applied apply(Handle h, IngestContext ctx, SyncRow row, RowEffects effects) throws Rejection {
        DeviceRecord device = ctx.device();
        InvoicePayload inv = Payloads.read(row, InvoicePayload.class);
        if (inv.number() == null || !NumberingSeries.invoices(device.invoiceSeries()).contains(inv.number())) {
            throw new Rejection("number_outside_series", "Invoice number '" + inv.number() + "' is not in this device's series "
                    + device.invoiceSeries() + "NNNNNN; a device may only issue numbers from its own series.");
        }
        if (inv.postedAt() == null) {
            throw new Rejection("invalid_payload", "Invoice " + inv.number() + " has no postedAt time.");
        }
        List<String> problems = InvoiceMath.inconsistencies(inv);
        if (!problems.isEmpty()) {
            throw new Rejection("totals_mismatch", "Invoice " + inv.number() + " does not add up: " + String.join("; ", problems));
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

        List<String> review = new ArrayList<>();
        String soldUnder = inv.profileKey() != null ? inv.profileKey() : ctx.batchProfileKey();
        if (soldUnder == null || !soldUnder.equals(device.profilePlk())) {
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
        if (inv.customerNumber() != null && !catalog.customerExists(h, inv.customerNumber())) {
            review.add("customer " + inv.customerNumber() + " is not known yet");
        }
        if (inv.isReturn() && !h.createQuery("select exists (select 1 from sales_invoice where number = :n)")
                .bind("n", inv.returnAgainst()).mapTo(Boolean.class).one()) {
            review.add("return against invoice " + inv.returnAgainst() + ", which the server has not received");
        }

        Long invoiceId = h.createQuery("""
                        insert into sales_invoice (number, device_id, sync_uuid, posted_at, customer_number, cashier, shift_uuid,
                            offline, return_against, profile_key, change_minor, net_total_minor, tax_total_minor, grand_total_minor)
                        values (:number, :device, :uuid, :posted, :customer, :cashier, :shift, :offline, :ret, :plk,
                            :change, :net, :tax, :grand)
                        on conflict (number) do nothing returning id
                        """)
                .bind("number", inv.number()).bind("device", device.id()).bind("uuid", row.uuid())
                .bind("posted", inv.postedAt()).bind("customer", inv.customerNumber()).bind("cashier", inv.cashier())
                .bind("shift", inv.shiftUuid()).bind("offline", inv.offline()).bind("ret", inv.returnAgainst())
                .bind("plk", soldUnder).bind("change", inv.changeMinor()).bind("net", inv.netTotalMinor())
                .bind("tax", inv.taxTotalMinor()).bind("grand", inv.grandTotalMinor())
                .mapTo(Long.class).findOne().orElse(null);
        if (invoiceId == null) {
            throw new Rejection("duplicate_number", "Invoice number " + inv.number() + " was already received from another row (another UUID).");
        }
        // Lines, payments and stock are written with the rest of the batch (BatchWrites); a stock level that
        // ends up below zero is flagged there (accepted anyway, invariant 6).
        for (int i = 0; i < inv.lines().size(); i++) effects.line(invoiceId, i + 1, inv.lines().get(i));
        for (int i = 0; i < inv.payments().size(); i++) effects.payment(invoiceId, i + 1, inv.payments().get(i));
        Map<String, Long> perItem = new TreeMap<>();
        for (InvoiceLine l : inv.lines()) perItem.merge(l.itemCode(), -l.qty(), Long::sum);
        perItem.forEach((code, qty) -> effects.post(device.warehouse(), code, qty, "Sales Invoice", inv.number(), device.id(),
                row.uuid(), inv.postedAt()));
        return new Applied(inv.number(), review);
    }
}
