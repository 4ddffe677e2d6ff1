package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.util.List;

/**
 * One page of invoices, newest first; {@code page} counts from 1; {@code total} and {@code totalGrossMinor} cover every
 * invoice that matches (returns negative), not only this page; {@code timeZone} is the zone the day filter used.
 */
public record InvoiceListing(int page, int pageSize, long total, long totalGrossMinor, String timeZone, List<InvoiceSummary> invoices) {
    @JsonProperty("totalGross")
    public String totalGross() {
        return Money.format(totalGrossMinor);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
