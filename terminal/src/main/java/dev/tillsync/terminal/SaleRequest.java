package dev.tillsync.terminal;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.pricing.Discount;
import java.util.List;

/**
 * A sale as the cashier entered it. Prices and taxes are not part of the request: the terminal uses
 * the ones in force locally. For cash, a payment may exceed the total; the difference is change.
 *
 * @param customerNumber null for a walk-in customer
 * @param saleDiscount   a discount on the whole sale, or null
 * @param approverLogin  the login {@link PosTerminal#approve} returned, when a discount is over the cashier's limit; else null
 */
public record SaleRequest(List<SaleItem> items, String customerNumber, List<Payment> payments, Discount saleDiscount,
                          String approverLogin) {
    public SaleRequest {
        items = List.copyOf(items);
        payments = List.copyOf(payments);
    }

    /** A sale without a sale discount or an approver. */
    public SaleRequest(List<SaleItem> items, String customerNumber, List<Payment> payments) {
        this(items, customerNumber, payments, null, null);
    }
}
