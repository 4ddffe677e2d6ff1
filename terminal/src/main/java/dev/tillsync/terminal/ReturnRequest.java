package dev.tillsync.terminal;

import dev.tillsync.core.invoice.Payment;
import java.util.List;

/**
 * A return against an invoice recorded on this terminal. Quantities are given positive (units coming
 * back); refunds are negative payments that together equal the returned amount.
 */
public record ReturnRequest(String againstNumber, List<SaleItem> items, List<Payment> refunds) {
    public ReturnRequest {
        items = List.copyOf(items);
        refunds = List.copyOf(refunds);
    }
}
