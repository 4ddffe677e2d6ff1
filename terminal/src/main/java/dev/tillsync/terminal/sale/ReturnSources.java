package dev.tillsync.terminal.sale;

import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.returns.StoreInvoices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where a return finds the sale it is made against, in this order: the server's answer of a moment ago (online), the
 * copy of a store sale the pull brought, this till's own sale. Invariant: what has come back of a line is never
 * under-counted from what this till knows: the server's (or the copy's) figure plus this till's returns the figure
 * cannot include yet (not synced, or synced after the copy arrived), and never less than this till's own count.
 */
final class ReturnSources {
    private ReturnSources() {}

    /**
     * The sale {@code number} with what is left of each line. {@code fresh}: the server's answer when the till asked it
     * just before this transaction.
     */
    static ReturnRecorder.Sold sold(Handle h, String number, Optional<ReturnableInvoice> fresh) {
        Optional<ReturnRecorder.Sold> own = ownSale(h, number);
        ReturnRecorder.Sold fromStore = fresh.map(inv -> withLocal(h, inv, null))
                .or(() -> StoreInvoices.find(h, number).map(p -> withLocal(h, p.invoice(), p.pulledAt())))
                .orElse(null);
        if (fromStore == null) {
            return own.orElseThrow(() -> new TerminalException("unknown_invoice", "No sale '" + number + "' is known on this till. A sale of"
                    + " another till of the store can be returned while the line to the server is up, or offline if this till has pulled"
                    + " it (the recent sales of the store come down with every sync); check the number on the receipt."));
        }
        if (own.isEmpty()) return fromStore;
        // Both: this till's own count may be ahead of the server's (returns not synced yet), never behind it.
        List<ReturnableLine> lines = new ArrayList<>();
        for (int i = 0; i < fromStore.lines().size(); i++) {
            ReturnableLine s = fromStore.lines().get(i);
            long mine = i < own.get().lines().size() ? own.get().lines().get(i).returnedMilli() : 0;
            lines.add(returned(s, Math.max(s.returnedMilli(), mine)));
        }
        return new ReturnRecorder.Sold(number, fromStore.customerNumber(), fromStore.pricesIncludeTax(), lines);
    }

    /** The sale as a return screen shows it: {@link #sold}'s lines, with the sale's date, till and tenders. */
    static ReturnableInvoice view(Handle h, String number, Optional<ReturnableInvoice> fresh) {
        ReturnRecorder.Sold sold = sold(h, number, fresh);
        Optional<ReturnableInvoice> base = fresh.or(() -> StoreInvoices.find(h, number).map(StoreInvoices.Pulled::invoice));
        if (base.isPresent()) {
            ReturnableInvoice b = base.get();
            return new ReturnableInvoice(b.number(), b.posId(), b.postedAt(), sold.customerNumber(), sold.pricesIncludeTax(), sold.lines(), b.payments());
        }
        var head = h.createQuery("select posted_at from invoice where number = :n").bind("n", number).mapTo(String.class).one();
        List<dev.tillsync.core.invoice.Payment> payments = h.createQuery(
                "select mode, amount_minor, reference from invoice_payment where invoice_number = :n order by idx").bind("n", number)
                .map((rs, ctx) -> new dev.tillsync.core.invoice.Payment(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
        String posId = dev.tillsync.terminal.store.DeviceRepo.load(h).map(d -> d.posId()).orElse(null);
        return new ReturnableInvoice(number, posId, Instant.parse(head), sold.customerNumber(), sold.pricesIncludeTax(), sold.lines(), payments);
    }

    private static Optional<ReturnRecorder.Sold> ownSale(Handle h, String number) {
        boolean mine = h.createQuery("select count(*) from invoice where number = :n").bind("n", number).mapTo(Integer.class).one() > 0;
        return mine ? Optional.of(ReturnRecorder.soldLines(h, number)) : Optional.empty();
    }

    /** The store's copy with this till's returns it cannot include yet added, item by item over the lines in order. */
    private static ReturnRecorder.Sold withLocal(Handle h, ReturnableInvoice inv, Instant copyArrived) {
        if (inv.lines().isEmpty()) throw new TerminalException("bad_return", inv.number() + " has no lines to return.");
        Map<String, Long> extra = new HashMap<>();
        h.createQuery("""
                select l.item_code, -sum(l.qty_milli) from invoice_line l join invoice i on i.number = l.invoice_number
                join outbox o on o.seq = i.outbox_seq
                where i.return_against = :n and (o.status <> 'Synced' or (:arrived is not null and o.synced_at > :arrived))
                group by l.item_code
                """).bind("n", inv.number()).bind("arrived", copyArrived == null ? null : copyArrived.toString())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> extra.put(e.getKey(), e.getValue()));
        List<ReturnableLine> lines = new ArrayList<>();
        for (ReturnableLine l : inv.lines()) {
            long add = Math.min(l.leftMilli(), extra.getOrDefault(l.itemCode(), 0L));
            extra.merge(l.itemCode(), -add, Long::sum);
            lines.add(returned(l, l.returnedMilli() + add));
        }
        return new ReturnRecorder.Sold(inv.number(), inv.customerNumber(), inv.pricesIncludeTax(), lines);
    }

    private static ReturnableLine returned(ReturnableLine l, long returnedMilli) {
        return new ReturnableLine(l.lineNo(), l.itemCode(), l.itemName(), l.unit(), l.qtyMilli(), Math.min(l.qtyMilli(), returnedMilli),
                l.rateMinor(), l.taxRateBp(), l.grossMinor(), l.discountMinor(), l.totalMinor());
    }
}
