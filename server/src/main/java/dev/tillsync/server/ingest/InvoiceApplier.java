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
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Applies a sale or return: invoice, lines, payments and stock ledger in the row's transaction.
 * Invariant 6: what the device sold is kept as sold; differences with the server's truth (price,
 * disabled item, stock below zero, stale profile, unknown customer) are flagged, never refused.
 */
public final class InvoiceApplier implements RowApplier {
    private final Catalog catalog;
    private final ChangeFeed feed;

    public InvoiceApplier(Catalog catalog, ChangeFeed feed) {
        this.catalog = catalog;
        this.feed = feed;
    }

    @Override
    public Applied apply(Handle h, DeviceRecord device, SyncRow row, String batchProfileKey) throws Rejection {
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
        Map<String, ItemData> items = catalog.items(h, inv.lines().stream().map(InvoiceLine::itemCode).distinct().toList());
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
        String soldUnder = inv.profileKey() != null ? inv.profileKey() : batchProfileKey;
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

        // The change lock comes before the stock row locks (see ChangeFeed) so concurrent ingests cannot deadlock.
        feed.lock(h);
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
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            h.createUpdate("""
                    insert into sales_invoice_line (invoice_id, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp,
                        net_minor, tax_minor, total_minor)
                    values (:inv, :no, :code, :name, :qty, :rate, :tax, :net, :taxm, :total)
                    """)
                    .bind("inv", invoiceId).bind("no", i + 1).bind("code", l.itemCode()).bind("name", l.itemName())
                    .bind("qty", l.qty()).bind("rate", l.rateMinor()).bind("tax", l.taxRateBp()).bind("net", l.netMinor())
                    .bind("taxm", l.taxMinor()).bind("total", l.totalMinor()).execute();
        }
        for (int i = 0; i < inv.payments().size(); i++) {
            Payment p = inv.payments().get(i);
            h.createUpdate("insert into sales_invoice_payment (invoice_id, line_no, mode, amount_minor, reference) values (:inv, :no, :mode, :amt, :ref)")
                    .bind("inv", invoiceId).bind("no", i + 1).bind("mode", p.mode()).bind("amt", p.amountMinor())
                    .bind("ref", p.reference()).execute();
        }
        Map<String, Long> perItem = new LinkedHashMap<>();
        for (InvoiceLine l : inv.lines()) perItem.merge(l.itemCode(), -l.qty(), Long::sum);
        // Lock stock rows in a fixed order so two sales of the same items cannot deadlock each other.
        for (Map.Entry<String, Long> e : perItem.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            long level = StockPosting.post(h, catalog, device, e.getKey(), e.getValue(), "Sales Invoice", inv.number(), row.uuid(), inv.postedAt());
            if (level < 0) {
                review.add("stock of " + e.getKey() + " in " + device.warehouse() + " is now " + level);
            }
        }
        return new Applied(inv.number(), review);
    }

    static Instant orNow(Instant t) {
        return t == null ? Instant.now() : t;
    }
}
