package dev.tillsync.server.returns;

import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.ShopSettings;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The pull feed's {@code store_invoice} records (key = number, scope = the selling till's warehouse). A push marks each
 * sale it stores, and the sale each return it stores is against, in table store_invoice_unpublished (no change-feed
 * lock, as stock levels); the next pull of a sale-v2 till of that store publishes every marked sale once, as it then
 * stands (its fresh returnedMilli), so a till keeps the newest. Invariant: every sale marked by a push that committed
 * before {@link #publish} began is in the feed when it returns; only sales posted within the {@code store_invoice_days}
 * window are marked and written, each with its posted time for the pull's window.
 */
public final class StoreInvoiceFeed {
    private final ReturnableInvoices invoices = new ReturnableInvoices();

    /**
     * Marks the sales among {@code numbers} (returns and unknown numbers are skipped) that are within the window, and
     * drops the marks whose sales have left it.
     */
    public void mark(Handle h, Collection<String> numbers) {
        if (numbers.isEmpty()) return;
        int days = ShopSettings.readStoreInvoiceDays(h);
        if (days <= 0) return;
        h.createUpdate("delete from store_invoice_unpublished where posted_at < now() - make_interval(days => :days)")
                .bind("days", days).execute(); // marks no pull came for (a store without sale-v2 tills) go with the window
        h.createUpdate("""
                        insert into store_invoice_unpublished (number, warehouse, posted_at)
                        select i.number, p.warehouse, i.posted_at
                        from sales_invoice i join pos_offline d on d.id = i.device_id join pos_profile p on p.id = d.pos_profile_id
                        where i.number = any(:ns) and i.return_against is null and i.posted_at >= now() - make_interval(days => :days)
                        order by i.number
                        on conflict (number) do nothing
                        """).bindArray("ns", String.class, List.copyOf(numbers)).bind("days", days).execute();
    }

    /** Publishes {@code warehouse}'s marked sales in one short transaction; returns how many records were written. */
    public int publish(Jdbi jdbi, ChangeFeed feed, String warehouse) {
        if (warehouse == null) return 0;
        boolean any = jdbi.withHandle(h -> h.createQuery("select exists (select 1 from store_invoice_unpublished where warehouse = :w)")
                .bind("w", warehouse).mapTo(Boolean.class).one());
        if (!any) return 0; // the common case: nothing sold since the last pull, no global lock
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            List<String> due = h.createQuery("delete from store_invoice_unpublished where warehouse = :w returning number")
                    .bind("w", warehouse).mapTo(String.class).list();
            List<ChangeFeed.Put> puts = invoices.load(h, due, ShopSettings.readStoreInvoiceDays(h)).values().stream()
                    .map(f -> new ChangeFeed.Put(Entities.STORE_INVOICE, f.warehouse(), f.invoice().number(), f.invoice(), f.invoice().postedAt()))
                    .toList();
            feed.putAllLocked(h, puts);
            return puts.size();
        });
    }
}
