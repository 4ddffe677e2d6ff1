package dev.tillsync.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * What a return takes back against what is left of its sale across every till (sold − every accepted return before it,
 * stored or earlier in the batch). Invariant 6: an over-return happened (two tills took the same goods back offline), so
 * it is accepted and flagged as a conflict, never refused. The sales a batch returns against are locked first, in
 * number order, so two batches returning against one sale are checked one after the other and the second sees the first.
 */
final class ReturnedQuantities {
    /** A transaction-scoped advisory lock space of its own (two-int keys never meet the change feed's one-bigint key). */
    private static final int LOCK_SPACE = 0x5E7A;

    /** Per sale number: item → sold, and item → returned so far, as this batch has seen them. */
    private final Map<String, Map<String, Long>> sold = new HashMap<>(), returned = new HashMap<>();

    /** Locks the sales the batch's returns name, in number order. */
    void lockReturnedSales(Handle h, List<SyncRow> rows) {
        TreeSet<String> against = new TreeSet<>();
        for (SyncRow r : rows) {
            if (r == null || r.kind() != RowKind.INVOICE || r.payload() == null) continue;
            JsonNode n = r.payload().get("returnAgainst");
            if (n != null && n.isTextual()) against.add(n.asText());
        }
        if (against.isEmpty()) return;
        for (String n : against) { // returns are few; one short statement each
            h.createQuery("select 1 from pg_advisory_xact_lock(:space, hashtext(:n))").bind("space", LOCK_SPACE).bind("n", n)
                    .mapTo(Integer.class).one();
        }
    }

    /** Remembers a sale checked earlier in the batch, whose lines are not stored yet. */
    void sale(InvoicePayload inv) {
        if (inv.isReturn()) return;
        Map<String, Long> m = new HashMap<>();
        for (InvoiceLine l : inv.lines()) m.merge(l.itemCode(), l.quantityMilli(), Long::sum);
        sold.put(inv.number(), m);
        returned.putIfAbsent(inv.number(), new HashMap<>());
    }

    /**
     * The conflicts of return {@code ret}, one sentence per item it takes back more of than is left, and counts it as
     * returned; null when its sale is not known (neither stored nor earlier in the batch).
     */
    List<String> check(Handle h, InvoicePayload ret) {
        String against = ret.returnAgainst();
        if (!sold.containsKey(against) && !readStored(h, against)) return null;
        Map<String, Long> soldOf = sold.get(against), before = returned.get(against);
        Map<String, Long> taking = new TreeMap<>();
        for (InvoiceLine l : ret.lines()) taking.merge(l.itemCode(), -l.quantityMilli(), Long::sum);
        List<String> conflicts = new ArrayList<>();
        taking.forEach((item, qty) -> {
            long s = soldOf.getOrDefault(item, 0L), b = before.getOrDefault(item, 0L);
            if (qty > 0 && b + qty > s) {
                conflicts.add("over-return: invoice " + against + " sold " + Unit.format(s) + " of " + item + ", and its returns from every"
                        + " till now take back " + Unit.format(b + qty) + " (" + Unit.format(b) + " before this one); accepted as it"
                        + " happened, check which till's return was wrong");
            }
            before.merge(item, qty, Long::sum);
        });
        return conflicts;
    }

    /** Reads the stored sale {@code number}'s sold and returned quantities per item; false when it is not stored. */
    private boolean readStored(Handle h, String number) {
        Map<String, Long> s = new HashMap<>(), r = new HashMap<>();
        boolean[] found = {false};
        h.createQuery("""
                        select i.return_against is null, l.item_code, sum(coalesce(l.qty_milli, l.qty * 1000))
                        from sales_invoice i join sales_invoice_line l on l.invoice_id = i.id
                        where i.number = :n or i.return_against = :n
                        group by 1, 2
                        """).bind("n", number)
                .map((rs, c) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getLong(3)})
                .forEach(row -> {
                    if ((Boolean) row[0]) {
                        found[0] = true;
                        s.put((String) row[1], (Long) row[2]);
                    } else {
                        r.put((String) row[1], -(Long) row[2]);
                    }
                });
        if (!found[0]) {
            found[0] = h.createQuery("select exists (select 1 from sales_invoice where number = :n and return_against is null)")
                    .bind("n", number).mapTo(Boolean.class).one();
            if (!found[0]) return false;
        }
        sold.put(number, s);
        returned.put(number, r);
        return true;
    }
}
