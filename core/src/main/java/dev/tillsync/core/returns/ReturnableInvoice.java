package dev.tillsync.core.returns;

import dev.tillsync.core.invoice.Payment;
import java.time.Instant;
import java.util.List;

/**
 * A sale of the store as a till needs it to take a return against it, from any till of the store: what was sold on
 * each line, what has already come back (from every till, as far as the server knows) and how it was paid (a card
 * refund goes back to the card). Served by {@code GET /api/v1/invoices/{number}/returnable} to a device of the store
 * (online lookup) and carried by the pull as entity {@code store_invoice} (key = number) for the recent sales of the
 * store, so a till offline can still take a return against them. Amounts are minor units of the sale's currency.
 *
 * @param number           the invoice number (as printed; a renumbered invoice is found under either)
 * @param posId            the till that sold it
 * @param postedAt         when it was sold
 * @param customerNumber   the customer, or null for a walk-in
 * @param pricesIncludeTax the price list's flag at the time of sale (line rates then include tax)
 * @param lines            every line of the sale, in order
 * @param payments         the sale's tenders (positive), in order
 */
public record ReturnableInvoice(String number, String posId, Instant postedAt, String customerNumber, boolean pricesIncludeTax,
                                List<ReturnableLine> lines, List<Payment> payments) {
    public ReturnableInvoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }
}
