package dev.tillsync.server.db;

import dev.tillsync.core.sync.Entities;
import org.jdbi.v3.core.Jdbi;

/**
 * Publishes a warehouse's stock levels that pushes have moved since they were last published (stock.unpublished)
 * to the pull feed, once each, with their current quantities.
 *
 * <p>Invariant: every stock level moved by a transaction that committed before {@link #publish} began is in the
 * pull feed when it returns. Pushes mark levels without taking the change-feed lock; publishing takes it, like
 * any writer of change_state (see {@link ChangeFeed}), and then locks the marked rows in (warehouse, item) order,
 * the order pushes lock them in, so a push and a publication cannot deadlock. A level moved by a push still in
 * flight is either waited for (its row was already marked) or left marked for the next pull: that push had not
 * committed when this pull began.
 */
public final class StockPublisher {
    private final Jdbi jdbi;
    private final ChangeFeed feed;

    public StockPublisher(Jdbi jdbi, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.feed = feed;
    }

    /** Publishes {@code warehouse}'s marked levels in one short transaction; returns how many. */
    public int publish(String warehouse) {
        if (warehouse == null) return 0;
        boolean any = jdbi.withHandle(h -> h.createQuery("select exists (select 1 from stock where warehouse = :w and unpublished)")
                .bind("w", warehouse).mapTo(Boolean.class).one());
        if (!any) return 0; // the common case: no global lock for a pull that has nothing to publish
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            return h.createUpdate("""
                            with due as (
                                select warehouse, item_code from stock
                                where warehouse = :w and unpublished
                                order by item_code
                                for update
                            ), cleared as (
                                update stock s set unpublished = false
                                from due where s.warehouse = due.warehouse and s.item_code = due.item_code
                                returning s.warehouse, s.item_code, s.qty_milli
                            )
                            insert into change_state (entity, scope, key, seq, deleted, data)
                            select :entity, c.warehouse, c.item_code, nextval('change_seq'), false,
                                   json_build_object('itemCode', c.item_code, 'warehouse', c.warehouse, 'qty', floor(c.qty_milli / 1000.0)::bigint, 'qtyMilli', c.qty_milli)::text
                            from cleared c
                            on conflict (entity, scope, key) do update set seq = excluded.seq, deleted = false, data = excluded.data
                            """)
                    .bind("w", warehouse).bind("entity", Entities.STOCK).execute();
        });
    }
}
