package dev.tillsync.server.console;

import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.customers.CustomerService;

/** The customers list: one page of a search (name, number or phone), {@link #PAGE} rows at a time. */
record CustomersModel(Frame frame, String notice, String q, Page<CustomerService.Customer> page, boolean canWrite) {
    static final int PAGE = 50;

    boolean hasPrevious() {
        return page.offset() > 0;
    }

    boolean hasNext() {
        return page.offset() + page.items().size() < page.total();
    }

    String range() {
        if (page.total() == 0) return "No customers";
        return (page.offset() + 1) + "–" + (page.offset() + page.items().size()) + " of " + page.total();
    }

    /** The link to the page starting at {@code offset}, keeping the search. */
    String link(int offset) {
        return "/console/customers?offset=" + Math.max(0, offset) + (q == null || q.isBlank() ? "" : "&q=" + Urls.segment(q.strip()));
    }
}
