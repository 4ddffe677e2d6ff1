package dev.tillsync.terminal;

import dev.tillsync.core.invoice.Payment;
import java.util.List;

/**
 * A sale as the cashier entered it. Prices and taxes are not part of the request: the terminal uses
 * the ones in force locally. For cash, a payment may exceed the total; the difference is change.
 *
 * @param customerNumber null for a walk-in customer
 */
public record SaleRequest(List<SaleItem> items, String customerNumber, List<Payment> payments) {
    public SaleRequest {
        items = List.copyOf(items);
        payments = List.copyOf(payments);
    }
}
