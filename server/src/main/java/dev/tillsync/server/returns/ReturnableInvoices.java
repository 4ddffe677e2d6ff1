package dev.tillsync.server.returns;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Stored sales read as {@link ReturnableInvoice}s, for the returnable endpoint and the {@code store_invoice} pull entity.
 * Invariant: a line's {@code returnedMilli} is what the accepted returns against the sale took back of its item, handed
 * to the sale's lines of that item in line order (a return line names the item, not the line) and never more than the
 * line sold, so it is the same figure whichever till asks and whichever path (endpoint or pull) carries it.
 */
public final class ReturnableInvoices {
    /** A sale with the warehouse of the till that sold it (its store). */
    public record Found(ReturnableInvoice invoice, String warehouse) {}

    private record Candidate(String number, String returnAgainst, String warehouse) {}

    /**
     * The sale {@code number} (as booked, or as printed on a receipt the till renumbered) for {@code caller}: a device
     * sees only the sales of its store (a till whose profile has its warehouse); a back-office user (caller null) any.
     */
    public ReturnableInvoice find(Handle h, String number, DeviceRecord caller) {
        String n = number == null ? "" : number.trim();
        List<Candidate> candidates = h.createQuery("""
                        select i.number, i.return_against, p.warehouse, 0 as rank
                        from sales_invoice i join pos_offline d on d.id = i.device_id join pos_profile p on p.id = d.pos_profile_id
                        where i.number = :n
                        union all
                        select i.number, i.return_against, p.warehouse, 1
                        from pos_offline_sync_status s join sales_invoice i on i.sync_uuid = s.uuid
                             join pos_offline d on d.id = i.device_id join pos_profile p on p.id = d.pos_profile_id
                        where s.printed_number = :n and i.number <> :n
                        order by rank, number
                        """).bind("n", n)
                .map((rs, c) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        Candidate found = candidates.stream().filter(c -> caller == null || c.warehouse().equals(caller.warehouse())).findFirst()
                .orElseThrow(() -> Refusal.notFound("unknown_invoice", "No sale " + n + " in this store; check the number on the receipt"
                        + " (a sale of another store is returned there)."));
        if (found.returnAgainst() != null) {
            throw Refusal.conflict("not_a_sale", n + " is a return; return against the sale (" + found.returnAgainst() + ").");
        }
        return load(h, List.of(found.number()), Integer.MAX_VALUE).get(found.number()).invoice();
    }

    /**
     * The sales among {@code numbers} (returns and unknown numbers are left out) posted within the last {@code days}
     * days, by number, with four queries whatever their count.
     */
    public Map<String, Found> load(Handle h, Collection<String> numbers, int days) {
        if (numbers.isEmpty()) return Map.of();
        List<String> ns = List.copyOf(numbers);
        record Head(String number, String posId, Instant postedAt, String customer, boolean inclusive, String warehouse) {}
        Map<String, Head> heads = new LinkedHashMap<>();
        h.createQuery("""
                        select i.number, d.pos_id, i.posted_at, i.customer_number, i.prices_include_tax, p.warehouse
                        from sales_invoice i join pos_offline d on d.id = i.device_id join pos_profile p on p.id = d.pos_profile_id
                        where i.number = any(:ns) and i.return_against is null
                          and (:days >= 36500 or i.posted_at >= now() - make_interval(days => :days))
                        order by i.number
                        """).bindArray("ns", String.class, ns).bind("days", Math.min(days, 36500))
                .map((rs, c) -> new Head(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)))
                .forEach(x -> heads.put(x.number(), x));
        if (heads.isEmpty()) return Map.of();
        List<String> sales = List.copyOf(heads.keySet());
        Map<String, Map<String, Long>> returned = new HashMap<>();
        h.createQuery("""
                        select r.return_against, l.item_code, -sum(coalesce(l.qty_milli, l.qty * 1000))
                        from sales_invoice r join sales_invoice_line l on l.invoice_id = r.id
                        where r.return_against = any(:ns) group by 1, 2
                        """).bindArray("ns", String.class, sales)
                .map((rs, c) -> Map.entry(rs.getString(1), Map.entry(rs.getString(2), rs.getLong(3))))
                .forEach(e -> returned.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(e.getValue().getKey(), e.getValue().getValue()));
        Map<String, List<ReturnableLine>> lines = new HashMap<>();
        h.createQuery("""
                        select i.number, l.line_no, l.item_code, l.item_name, coalesce(l.unit, 'unit'), coalesce(l.qty_milli, l.qty * 1000),
                               l.rate_minor, l.tax_rate_bp, coalesce(l.gross_minor, l.net_minor), l.line_discount_minor + l.sale_discount_minor,
                               l.total_minor
                        from sales_invoice i join sales_invoice_line l on l.invoice_id = i.id
                        where i.number = any(:ns) order by i.number, l.line_no
                        """).bindArray("ns", String.class, sales)
                .map((rs, c) -> Map.entry(rs.getString(1), new ReturnableLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), 0, rs.getLong(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11))))
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<Payment>> payments = new HashMap<>();
        h.createQuery("""
                        select i.number, p.mode, p.amount_minor, p.reference
                        from sales_invoice i join sales_invoice_payment p on p.invoice_id = i.id
                        where i.number = any(:ns) order by i.number, p.line_no
                        """).bindArray("ns", String.class, sales)
                .map((rs, c) -> Map.entry(rs.getString(1), new Payment(rs.getString(2), rs.getLong(3), rs.getString(4))))
                .forEach(e -> payments.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Found> out = new LinkedHashMap<>();
        for (Head x : heads.values()) {
            List<ReturnableLine> sold = withReturned(lines.getOrDefault(x.number(), List.of()), returned.getOrDefault(x.number(), Map.of()));
            out.put(x.number(), new Found(new ReturnableInvoice(x.number(), x.posId(), x.postedAt(), x.customer(), x.inclusive(), sold,
                    payments.getOrDefault(x.number(), List.of())), x.warehouse()));
        }
        return out;
    }

    /** Hands each item's returned quantity to the sale's lines of that item in line order, each up to what it sold. */
    static List<ReturnableLine> withReturned(List<ReturnableLine> lines, Map<String, Long> returnedByItem) {
        Map<String, Long> left = new HashMap<>(returnedByItem);
        List<ReturnableLine> out = new ArrayList<>(lines.size());
        for (ReturnableLine l : lines) {
            long take = Math.max(0, Math.min(l.qtyMilli(), left.getOrDefault(l.itemCode(), 0L)));
            left.merge(l.itemCode(), -take, Long::sum);
            out.add(new ReturnableLine(l.lineNo(), l.itemCode(), l.itemName(), l.unit(), l.qtyMilli(), take, l.rateMinor(), l.taxRateBp(),
                    l.grossMinor(), l.discountMinor(), l.totalMinor()));
        }
        return out;
    }
}
