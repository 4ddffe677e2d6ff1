package dev.tillsync.server.console;

import dev.tillsync.server.sales.InvoiceFilter;
import dev.tillsync.server.sales.InvoiceListing;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The sales list: the filter as chosen, its pick lists, one page of invoices, and the shop's zone for their times. */
record SalesModel(Frame frame, List<String> posIds, List<String> cashiers, InvoiceFilter filter, InvoiceListing listing, ZoneId zone) {

    String time(Instant t) {
        return Format.local(t, zone);
    }

    /** This filter's query string on another page. */
    String pageQuery(int page) {
        return "device=" + Format.url(filter.device()) + "&day=" + (filter.day() == null ? "" : filter.day())
                + "&cashier=" + Format.url(filter.cashier()) + "&q=" + Format.url(filter.q()) + "&page=" + page;
    }

    String dayValue() {
        return filter.day() == null ? "" : filter.day().toString();
    }
}
