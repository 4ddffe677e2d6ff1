package dev.tillsync.terminal;

import dev.tillsync.core.pricing.Discount;
import java.time.Instant;
import java.util.List;

/** An open cart put aside (park) as it was entered, to be resumed on this till; it survives restarts. */
public record ParkedSale(long id, String label, String parkedBy, Instant parkedAt, String customerNumber, Discount saleDiscount,
                         List<SaleItem> items) {
    public ParkedSale {
        items = List.copyOf(items);
    }
}
