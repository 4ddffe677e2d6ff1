package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Consecutive checked invoices of one batch, inserted by one statement. Invariant: an invoice number is
 * inserted at most once; a row whose number the table already holds (from an earlier batch, or a concurrent
 * transaction that committed first) gets no id and is rejected {@code duplicate_number}, having written nothing.
 */
final class InvoiceRun {
    private final List<InvoiceApplier.Checked> checked = new ArrayList<>();

    void add(InvoiceApplier.Checked c) {
        checked.add(c);
    }

    boolean isEmpty() {
        return checked.isEmpty();
    }

    List<InvoiceApplier.Checked> checked() {
        return List.copyOf(checked);
    }

    void clear() {
        checked.clear();
    }

    static Rejection duplicateNumber(String number) {
        return new Rejection("duplicate_number", "Invoice number " + number + " was already received from another row (another UUID).");
    }

    /** Inserts the run's invoices in row order; returns the new ids by row uuid (a number already taken has none). */
    Map<String, Long> insert(Handle h, DeviceRecord device) {
        int n = checked.size();
        List<String> numbers = new ArrayList<>(n), uuids = new ArrayList<>(n), posted = new ArrayList<>(n), customers = new ArrayList<>(n),
                cashiers = new ArrayList<>(n), shifts = new ArrayList<>(n), returns = new ArrayList<>(n), plks = new ArrayList<>(n);
        List<Boolean> offline = new ArrayList<>(n);
        List<Long> change = new ArrayList<>(n), net = new ArrayList<>(n), tax = new ArrayList<>(n), grand = new ArrayList<>(n);
        List<Boolean> inclusive = new ArrayList<>(n);
        List<Long> discount = new ArrayList<>(n), rounding = new ArrayList<>(n), sdValue = new ArrayList<>(n);
        List<String> sdKind = new ArrayList<>(n), sdReason = new ArrayList<>(n), sdApprover = new ArrayList<>(n);
        for (InvoiceApplier.Checked c : checked) {
            InvoicePayload inv = c.invoice();
            numbers.add(inv.number());
            uuids.add(c.row().uuid());
            posted.add(inv.postedAt().toString());
            customers.add(inv.customerNumber());
            cashiers.add(inv.cashier());
            shifts.add(inv.shiftUuid());
            offline.add(inv.offline());
            returns.add(inv.returnAgainst());
            plks.add(c.soldUnder());
            change.add(inv.changeMinor());
            net.add(inv.netTotalMinor());
            tax.add(inv.taxTotalMinor());
            grand.add(inv.grandTotalMinor());
            inclusive.add(Boolean.TRUE.equals(inv.pricesIncludeTax()));
            discount.add(inv.discountMinor() == null ? 0L : inv.discountMinor());
            rounding.add(inv.roundingMinor() == null ? 0L : inv.roundingMinor());
            Discount sd = inv.saleDiscount();
            sdKind.add(sd == null ? null : sd.kind().name());
            sdValue.add(sd == null ? null : sd.value());
            sdReason.add(sd == null ? null : sd.reason());
            sdApprover.add(sd == null ? null : sd.approvedBy());
        }
        Map<String, Long> ids = new HashMap<>();
        h.createQuery("""
                        insert into sales_invoice (number, device_id, sync_uuid, posted_at, customer_number, cashier, shift_uuid,
                            offline, return_against, profile_key, change_minor, net_total_minor, tax_total_minor, grand_total_minor,
                            prices_include_tax, discount_minor, rounding_minor, sale_discount_kind, sale_discount_value,
                            sale_discount_reason, sale_discount_approved_by)
                        select t.number, :device, t.uuid, t.posted::timestamptz, t.customer, t.cashier, t.shift,
                            t.offline, t.ret, t.plk, t.change, t.net, t.tax, t.grand,
                            t.incl, t.disc, t.rnd, t.sdk, t.sdv, t.sdr, t.sda
                        from unnest(:numbers, :uuids, :posted, :customers, :cashiers, :shifts, :offline, :returns, :plks,
                                    :change, :net, :tax, :grand, :incl, :disc, :rnd, :sdk, :sdv, :sdr, :sda)
                             with ordinality as t(number, uuid, posted, customer, cashier, shift, offline, ret, plk, change, net, tax, grand,
                                                  incl, disc, rnd, sdk, sdv, sdr, sda, n)
                        order by t.n
                        on conflict (number) do nothing
                        returning sync_uuid, id
                        """)
                .bind("device", device.id())
                .bindArray("numbers", String.class, numbers).bindArray("uuids", String.class, uuids)
                .bindArray("posted", String.class, posted).bindArray("customers", String.class, customers)
                .bindArray("cashiers", String.class, cashiers).bindArray("shifts", String.class, shifts)
                .bindArray("offline", Boolean.class, offline).bindArray("returns", String.class, returns)
                .bindArray("plks", String.class, plks).bindArray("change", Long.class, change).bindArray("net", Long.class, net)
                .bindArray("tax", Long.class, tax).bindArray("grand", Long.class, grand)
                .bindArray("incl", Boolean.class, inclusive).bindArray("disc", Long.class, discount).bindArray("rnd", Long.class, rounding)
                .bindArray("sdk", String.class, sdKind).bindArray("sdv", Long.class, sdValue).bindArray("sdr", String.class, sdReason)
                .bindArray("sda", String.class, sdApprover)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }
}
