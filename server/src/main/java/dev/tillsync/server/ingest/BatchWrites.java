package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.db.CopyIn;
import dev.tillsync.server.returns.StoreInvoiceFeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The accepted rows' deferred writes for one batch transaction, written together at its end.
 *
 * <p>Invariant (pull feed order, see {@link ChangeFeed}): stock rows are locked in (warehouse, item) order, so
 * concurrent batches, and {@link dev.tillsync.server.db.StockPublisher}, cannot deadlock on them. Moved levels are
 * marked unpublished, not written to the pull feed: the next pull publishes each once. Only a batch with other
 * records to publish (new customers) takes the global change lock, once, in {@link #flush}, after every
 * other write of the batch and before any stock row lock, the order every holder of that lock follows.
 */
final class BatchWrites {
    /** Where a row left the running stock total of one (warehouse, item), to tell afterwards if it went below zero. */
    record StockMark(String warehouse, String itemCode, long cumulativeDelta) {}

    private record StockKey(String warehouse, String itemCode) implements Comparable<StockKey> {
        @Override
        public int compareTo(StockKey o) {
            int c = warehouse.compareTo(o.warehouse);
            return c != 0 ? c : itemCode.compareTo(o.itemCode);
        }
    }

    private final ChangeFeed feed;
    private final List<RowEffects.LineRow> lines = new ArrayList<>();
    private final List<RowEffects.PaymentRow> payments = new ArrayList<>();
    private final List<RowEffects.Posting> postings = new ArrayList<>();
    private final List<RowEffects.Publication> publications = new ArrayList<>();
    private final Map<StockKey, Long> deltas = new TreeMap<>();
    private final Map<StockKey, Long> levels = new HashMap<>();
    /** The sales to mark for the store_invoice feed: each accepted sale, and the sale each accepted return is against. */
    private final java.util.Set<String> storeInvoices = new java.util.LinkedHashSet<>();
    private final StoreInvoiceFeed storeInvoiceFeed = new StoreInvoiceFeed();

    BatchWrites(ChangeFeed feed) {
        this.feed = feed;
    }

    /** Adds an accepted row's effects; returns its stock marks (one per posting, in the row's order). */
    List<StockMark> add(RowEffects fx) {
        lines.addAll(fx.lines);
        payments.addAll(fx.payments);
        postings.addAll(fx.postings);
        publications.addAll(fx.publications);
        List<StockMark> marks = new ArrayList<>(fx.postings.size());
        for (RowEffects.Posting p : fx.postings) {
            long cumulative = deltas.merge(new StockKey(p.warehouse(), p.itemCode()), p.qtyChange(), Long::sum);
            marks.add(new StockMark(p.warehouse(), p.itemCode(), cumulative));
        }
        return marks;
    }

    /** Queues sale {@code number} to be marked for the store_invoice feed at flush (its pull record is written by a pull). */
    void storeInvoice(String number) {
        if (number != null) storeInvoices.add(number);
    }

    /** The stock level right after the row that left {@code mark}; valid after {@link #flush}. */
    long levelAfter(StockMark mark) {
        StockKey k = new StockKey(mark.warehouse(), mark.itemCode());
        return levels.get(k) - deltas.get(k) + mark.cumulativeDelta();
    }

    void flush(Handle h) {
        CopyIn lineRows = CopyIn.into("sales_invoice_line", "invoice_id", "line_no", "item_code", "item_name", "qty", "rate_minor",
                "tax_rate_bp", "net_minor", "tax_minor", "total_minor", "qty_milli", "unit", "gross_minor", "line_discount_minor",
                "sale_discount_minor", "discount_kind", "discount_value", "discount_reason", "discount_approved_by");
        for (RowEffects.LineRow r : lines) {
            InvoiceLine l = r.line();
            Discount d = l.discount();
            lineRows.number(r.invoiceId()).number(r.lineNo()).text(l.itemCode()).text(l.itemName()).number(l.qty())
                    .number(l.rateMinor()).number(l.taxRateBp()).number(l.netMinor()).number(l.taxMinor())
                    .number(l.totalMinor()).number(l.quantityMilli()).text(l.unit())
                    .number(l.grossMinor() != null ? l.grossMinor() : l.netMinor())
                    .number(l.lineDiscountMinor() != null ? l.lineDiscountMinor() : 0).number(l.saleDiscountMinor() != null ? l.saleDiscountMinor() : 0)
                    .text(d == null ? null : d.kind().name()).numberOrNull(d == null ? null : d.value())
                    .text(d == null ? null : d.reason()).text(d == null ? null : d.approvedBy()).endRow();
        }
        lineRows.execute(h);
        CopyIn paymentRows = CopyIn.into("sales_invoice_payment", "invoice_id", "line_no", "mode", "amount_minor", "reference");
        for (RowEffects.PaymentRow r : payments) {
            paymentRows.number(r.invoiceId()).number(r.lineNo()).text(r.payment().mode()).number(r.payment().amountMinor())
                    .text(r.payment().reference()).endRow();
        }
        paymentRows.execute(h);
        CopyIn ledgerRows = CopyIn.into("stock_ledger", "warehouse", "item_code", "qty_milli", "voucher_type", "voucher_no",
                "device_id", "sync_uuid", "posted_at");
        for (RowEffects.Posting p : postings) {
            ledgerRows.text(p.warehouse()).text(p.itemCode()).number(p.qtyChange()).text(p.voucherType()).text(p.voucherNo())
                    .number(p.deviceId()).text(p.uuid()).time(p.at()).endRow();
        }
        ledgerRows.execute(h);
        storeInvoiceFeed.mark(h, storeInvoices); // before the change lock: the pull publishes them (StoreInvoiceFeed)
        if (!publications.isEmpty()) feed.lock(h);
        if (!deltas.isEmpty()) moveStock(h);
        feed.putAllLocked(h, publications.stream().map(p -> new ChangeFeed.Put(p.entity(), p.scope(), p.key(), p.data())).toList());
    }

    /**
     * One statement for the whole batch: adds each item's merged delta to its stock level (rows locked in
     * key order) and marks the level for publication by the next pull.
     */
    private void moveStock(Handle h) {
        List<String> w = new ArrayList<>(), i = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        deltas.forEach((k, v) -> {
            w.add(k.warehouse());
            i.add(k.itemCode());
            d.add(v);
        });
        h.createQuery("""
                        insert into stock (warehouse, item_code, qty_milli, unpublished)
                        select t.w, t.i, t.d, true from unnest(:w, :i, :d) as t(w, i, d) order by t.w, t.i
                        on conflict (warehouse, item_code) do update set qty_milli = stock.qty_milli + excluded.qty_milli, unpublished = true
                        returning warehouse, item_code, qty_milli
                        """)
                .bindArray("w", String.class, w).bindArray("i", String.class, i).bindArray("d", Long.class, d)
                .map((rs, c) -> Map.entry(new StockKey(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                .forEach(e -> levels.put(e.getKey(), e.getValue()));
    }
}
