package dev.tillsync.server.returns;

import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.ShopSettings;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The pull feed's {@code store_invoice} records (key = number, scope = the selling till's warehouse): a sale is written
 * when it is ingested and written again, with its fresh returnedMilli, whenever a return against it is, so a till keeps
 * the newest. Invariant: only sales posted within the {@code store_invoice_days} window are written (the pull sends no
 * older ones either), and each record carries its posted time for the pull's window.
 */
public final class StoreInvoiceFeed {
    private final ReturnableInvoices invoices = new ReturnableInvoices();

    /** The records to write for {@code numbers} (sales ingested, or sales a return was ingested against); reads only. */
    public List<ChangeFeed.Put> puts(Handle h, Collection<String> numbers) {
        if (numbers.isEmpty()) return List.of();
        int days = ShopSettings.readStoreInvoiceDays(h);
        if (days <= 0) return List.of();
        return invoices.load(h, numbers, days).values().stream()
                .map(f -> new ChangeFeed.Put(Entities.STORE_INVOICE, f.warehouse(), f.invoice().number(), f.invoice(), f.invoice().postedAt()))
                .toList();
    }
}
