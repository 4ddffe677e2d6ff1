package dev.tillsync.server.sales;

import java.util.List;

/** One page of invoices, newest first; {@code page} counts from 1; {@code timeZone} is the zone the day filter used. */
public record InvoiceListing(int page, int pageSize, long total, String timeZone, List<InvoiceSummary> invoices) {
    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
