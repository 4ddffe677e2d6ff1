package dev.tillsync.server.console;

import dev.tillsync.server.sales.InvoiceDetail;
import java.time.Instant;
import java.time.ZoneId;

/** One invoice's page: the invoice with its returns and sync facts, and the shop's zone for its times. */
record SaleDetailModel(Frame frame, InvoiceDetail invoice, ZoneId zone) {

    String time(Instant t) {
        return Format.local(t, zone);
    }

    /** The invoice's total paid over all tenders, before change. */
    long tendered() {
        return invoice.payments().stream().mapToLong(InvoiceDetail.Tender::amountMinor).sum();
    }
}
