package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.db.CopyIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The accepted rows' deferred writes for one batch transaction, written together at its end.
 *
 * <p>Invariant (pull feed order, see {@link ChangeFeed}): the global change lock is taken once, only in
 * {@link #flush}, after every other write of the batch and just before the stock levels and change_state
 * rows are written, and it is taken before any stock row lock; stock rows are then locked in
 * (warehouse, item) order, so concurrent batches cannot deadlock on them.
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

    /** The stock level right after the row that left {@code mark}; valid after {@link #flush}. */
    long levelAfter(StockMark mark) {
        StockKey k = new StockKey(mark.warehouse(), mark.itemCode());
        return levels.get(k) - deltas.get(k) + mark.cumulativeDelta();
    }

    void flush(Handle h) {
        CopyIn lineRows = CopyIn.into("sales_invoice_line", "invoice_id", "line_no", "item_code", "item_name", "qty", "rate_minor",
                "tax_rate_bp", "net_minor", "tax_minor", "total_minor");
        for (RowEffects.LineRow r : lines) {
            lineRows.number(r.invoiceId()).number(r.lineNo()).text(r.line().itemCode()).text(r.line().itemName()).number(r.line().qty())
                    .number(r.line().rateMinor()).number(r.line().taxRateBp()).number(r.line().netMinor()).number(r.line().taxMinor())
                    .number(r.line().totalMinor()).endRow();
        }
        lineRows.execute(h);
        CopyIn paymentRows = CopyIn.into("sales_invoice_payment", "invoice_id", "line_no", "mode", "amount_minor", "reference");
        for (RowEffects.PaymentRow r : payments) {
            paymentRows.number(r.invoiceId()).number(r.lineNo()).text(r.payment().mode()).number(r.payment().amountMinor())
                    .text(r.payment().reference()).endRow();
        }
        paymentRows.execute(h);
        CopyIn ledgerRows = CopyIn.into("stock_ledger", "warehouse", "item_code", "qty_change", "voucher_type", "voucher_no",
                "device_id", "sync_uuid", "posted_at");
        for (RowEffects.Posting p : postings) {
            ledgerRows.text(p.warehouse()).text(p.itemCode()).number(p.qtyChange()).text(p.voucherType()).text(p.voucherNo())
                    .number(p.deviceId()).text(p.uuid()).time(p.at()).endRow();
        }
        ledgerRows.execute(h);
        if (deltas.isEmpty() && publications.isEmpty()) return;
        feed.lock(h);
        if (!deltas.isEmpty()) moveStock(h);
        feed.putAllLocked(h, publications.stream().map(p -> new ChangeFeed.Put(p.entity(), p.scope(), p.key(), p.data())).toList());
    }

    /**
     * One statement for the whole batch: adds each item's merged delta to its stock level (rows locked in
     * key order) and publishes the new level to the pull feed, with the same JSON shape as StockLevel.
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
                        with moved as (
                            insert into stock (warehouse, item_code, qty)
                            select t.w, t.i, t.d from unnest(:w, :i, :d) as t(w, i, d) order by t.w, t.i
                            on conflict (warehouse, item_code) do update set qty = stock.qty + excluded.qty
                            returning warehouse, item_code, qty
                        ), published as (
                            insert into change_state (entity, scope, key, seq, deleted, data)
                            select :entity, m.warehouse, m.item_code, nextval('change_seq'), false,
                                   json_build_object('itemCode', m.item_code, 'warehouse', m.warehouse, 'qty', m.qty)::text
                            from moved m
                            on conflict (entity, scope, key) do update set seq = excluded.seq, deleted = false, data = excluded.data
                        )
                        select warehouse, item_code, qty from moved
                        """)
                .bindArray("w", String.class, w).bindArray("i", String.class, i).bindArray("d", Long.class, d)
                .bind("entity", Entities.STOCK)
                .map((rs, c) -> Map.entry(new StockKey(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                .forEach(e -> levels.put(e.getKey(), e.getValue()));
    }
}
