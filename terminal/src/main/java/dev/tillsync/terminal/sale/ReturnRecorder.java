package dev.tillsync.terminal.sale;

import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.PricingException;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.returns.ReturnPricing;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Records a return against a sale of this terminal, in the priced form (docs/pricing.md "Returns"): each line comes
 * back at the shelf price and tax rate it was sold at, with negative quantity and an amount discount of its share of
 * what the sale took off that line (core's ReturnPricing). Invariant: a line never comes back more than was sold, and
 * its returns' discounts add up to its discount; the whole return is one transaction (invariant 1). Where the sale's
 * lines come from (today: this till's store) is {@link #soldLines}, so a store-wide lookup can take its place.
 */
public final class ReturnRecorder {
    private final TerminalStore store;
    private final Clock clock;

    public ReturnRecorder(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The sale returned against, as this till stored it. */
    record Sold(String number, String customerNumber, boolean pricesIncludeTax, List<ReturnableLine> lines) {}

    public SaleRecorder.Recorded record(UserSession cashier, ReturnRequest req, boolean offline) {
        return record(cashier, req, offline, java.util.Optional.empty());
    }

    /** {@code fresh}: the server's answer for the sale, asked just before (online), else empty (see ReturnSources). */
    public SaleRecorder.Recorded record(UserSession cashier, ReturnRequest req, boolean offline,
                                        java.util.Optional<dev.tillsync.core.returns.ReturnableInvoice> fresh) {
        if (req.items().isEmpty()) throw new TerminalException("no_items", "A return needs at least one item (--item CODE:QTY).");
        if (req.refunds().isEmpty()) throw new TerminalException("no_payment", "A return needs a refund (--pay MODE:-AMOUNT).");
        Instant now = clock.instant();
        return store.inTx(h -> {
            DeviceState device = DeviceRepo.requireActive(h);
            ShiftInfo shift = ShiftBook.require(h);
            ProfileData profile = ProfileRepo.require(h, device);
            String against = req.againstNumber() == null ? "" : req.againstNumber().trim();
            Sold sold = ReturnSources.sold(h, against, fresh);
            // What came back of each line so far (earlier returns, then this one as it is built).
            long[] back = new long[sold.lines().size()];
            for (int i = 0; i < back.length; i++) back[i] = sold.lines().get(i).returnedMilli();
            List<CartLine> cart = new ArrayList<>();
            List<String> units = new ArrayList<>();
            for (SaleItem si : req.items()) {
                Item item = ItemCatalog.find(h, si.codeOrBarcode()).orElse(null);
                String code = item == null ? si.codeOrBarcode().trim() : item.code();
                List<Integer> on = new ArrayList<>();
                for (int i = 0; i < sold.lines().size(); i++) if (sold.lines().get(i).itemCode().equals(code)) on.add(i);
                if (on.isEmpty()) throw new TerminalException("not_on_invoice", "Item '" + si.codeOrBarcode() + "' is not on invoice " + against + ".");
                long want = si.qtyMilli() == null ? Unit.MILLI : si.qtyMilli();
                if (want <= 0) {
                    throw new TerminalException("bad_quantity", "Give returned quantities as positive numbers, got " + Unit.format(want)
                            + " for '" + si.codeOrBarcode() + "'.");
                }
                long left = on.stream().mapToLong(i -> sold.lines().get(i).qtyMilli() - back[i]).sum();
                if (want > left) {
                    long soldQty = on.stream().mapToLong(i -> sold.lines().get(i).qtyMilli()).sum();
                    throw new TerminalException("return_too_many", "Invoice " + against + " sold " + Unit.format(soldQty) + " × " + code + "; "
                            + Unit.format(soldQty - left) + " already returned, so at most " + Unit.format(left) + " can come back.");
                }
                // Fill the sale's lines of the item in their order: each returned part is priced as its own line sold.
                for (int i : on) {
                    ReturnableLine l = sold.lines().get(i);
                    long take = Math.min(want, l.qtyMilli() - back[i]);
                    if (take <= 0) continue;
                    long off = ReturnPricing.discountFor(l, back[i], take);
                    back[i] += take;
                    want -= take;
                    Unit unit = Unit.parse(l.unit()).orElse(Unit.UNIT);
                    try {
                        // The refund uses the price and tax the customer paid, not today's (invariant 6).
                        cart.add(new CartLine(code, l.itemName(), -take, unit.measured(), l.rateMinor(), l.taxRateBp(),
                                off == 0 ? null : Discount.amount(off, "return")));
                    } catch (PricingException e) {
                        throw new TerminalException("bad_quantity", e.getMessage() + " Return whole units of " + code + ".");
                    }
                    units.add(unit.code());
                    if (want == 0) break;
                }
            }
            PricedSale priced = SaleMath.price(cart, null, sold.pricesIncludeTax());
            List<Payment> refunds = SaleRecorder.normalisePayments(req.refunds(), profile, true);
            Predicate<Payment> isCash = CartPricer.isCash(profile);
            long rounding = PricedInvoice.rounding(priced.totalMinor(), refunds, profile.cashRoundingMinor(), isCash);
            long due = priced.totalMinor() + rounding;
            long paid = InvoiceMath.paid(refunds);
            if (paid != due) {
                throw new TerminalException("refund_mismatch", "Refunds " + Money.format(paid) + " must equal the returned amount "
                        + Money.format(due) + (rounding != 0 ? " (" + Money.format(priced.totalMinor()) + " rounded by " + Money.format(rounding) + " for cash)" : "")
                        + " (give refunds as negative amounts, e.g. --pay Cash:" + Money.format(due) + ").");
            }
            long[] counters = Counters.next(h, Counters.INVOICE, Counters.OUTBOX_SEQ);
            String number = NumberingSeries.invoices(device.config().invoiceSeries()).format(counters[0]);
            InvoiceHeader header = new InvoiceHeader(number, now, sold.customerNumber(), cashier.email(), shift.uuid(), offline, against,
                    profile.profileKey());
            InvoicePayload inv = SaleRecorder.invoice(header, priced, units, refunds, profile, isCash);
            return InvoiceWriter.write(h, counters[1], inv, now, "return", device, profile);
        });
    }

    /** The sale {@code number} of this till with what has come back of each line, or the refusal. */
    static Sold soldLines(Handle h, String number) {
        Map<String, Object> original = h.createQuery("select number, return_against, customer_number, prices_include_tax from invoice where number = :n")
                .bind("n", number).mapToMap().findOne().orElseThrow(() -> new TerminalException("unknown_invoice",
                        "No invoice '" + number + "' on this terminal: a return is made against a sale recorded here."));
        if (original.get("return_against") != null) {
            throw new TerminalException("bad_return", number + " is itself a return; return against the original sale.");
        }
        List<ReturnableLine> lines = h.createQuery("""
                select line_no, item_code, item_name, unit, qty_milli, rate_minor, tax_rate_bp, gross_minor,
                       line_discount_minor + sale_discount_minor as discount_minor, total_minor
                from invoice_line where invoice_number = :n order by line_no
                """).bind("n", number).map((rs, ctx) -> new ReturnableLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), 0, rs.getLong(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))).list();
        // Earlier returns name items, not lines: what came back of an item is counted against its lines in order.
        Map<String, Long> returned = new HashMap<>();
        h.createQuery("""
                select l.item_code, -sum(l.qty_milli) from invoice_line l join invoice i on i.number = l.invoice_number
                where i.return_against = :n group by l.item_code
                """).bind("n", number).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> returned.put(e.getKey(), e.getValue()));
        List<ReturnableLine> withReturned = new ArrayList<>(lines.size());
        for (ReturnableLine l : lines) {
            long r = Math.min(l.qtyMilli(), returned.getOrDefault(l.itemCode(), 0L));
            returned.merge(l.itemCode(), -r, Long::sum);
            withReturned.add(new ReturnableLine(l.lineNo(), l.itemCode(), l.itemName(), l.unit(), l.qtyMilli(), r, l.rateMinor(),
                    l.taxRateBp(), l.grossMinor(), l.discountMinor(), l.totalMinor()));
        }
        Object incl = original.get("prices_include_tax");
        return new Sold(number, (String) original.get("customer_number"), incl != null && ((Number) incl).intValue() == 1, withReturned);
    }
}
