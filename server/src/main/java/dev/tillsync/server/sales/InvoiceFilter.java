package dev.tillsync.server.sales;

import dev.tillsync.server.refusal.Refusal;
import java.time.LocalDate;

/**
 * What an invoice list is asked for: one till or all ({@code device} null), one local day or a from/to range (dates
 * in the shop's time zone, or instants), one cashier, a search text on the invoice, customer or original number.
 */
public record InvoiceFilter(String device, LocalDate day, String from, String to, String cashier, String q, int page) {
    public static final int PAGE_SIZE = 50;

    public InvoiceFilter {
        device = blankToNull(device);
        cashier = blankToNull(cashier);
        q = blankToNull(q);
        from = blankToNull(from);
        to = blankToNull(to);
        if (page < 1) throw Refusal.invalid("invalid_page", "page must be 1 or more.");
        if (day != null && (from != null || to != null)) {
            throw Refusal.invalid("invalid_range", "Give either day or from/to, not both.");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
