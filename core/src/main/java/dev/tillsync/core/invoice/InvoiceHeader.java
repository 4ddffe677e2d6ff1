package dev.tillsync.core.invoice;

import java.time.Instant;

/** Who sold what when: the fields of an invoice that are not priced, as {@link PricedInvoice#of} takes them. */
public record InvoiceHeader(String number, Instant postedAt, String customerNumber, String cashier, String shiftUuid,
                            boolean offline, String returnAgainst, String profileKey) {}
