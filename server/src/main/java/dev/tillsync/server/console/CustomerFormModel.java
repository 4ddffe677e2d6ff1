package dev.tillsync.server.console;

import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.items.CatalogLists;
import java.util.List;

/**
 * One customer's form, new ({@code editing} false: a blank number takes the next of the back-office series) or an
 * existing one (number read-only). It shows a {@link Draft}: the record as read, or after a refusal what was typed.
 */
record CustomerFormModel(Frame frame, String notice, String error, Draft draft, boolean editing, List<CatalogLists.PriceList> priceLists,
                         boolean canWrite) {

    record Draft(String number, String name, String phone, String email, String taxNumber, String priceList, boolean active, Integer version) {
        static Draft blank() {
            return new Draft("", "", "", "", "", "", true, null);
        }

        static Draft of(CustomerService.Customer c) {
            return new Draft(c.number(), c.name(), Urls.text(c.phone()), Urls.text(c.email()), Urls.text(c.taxNumber()), Urls.text(c.priceList()),
                    c.active(), c.version());
        }
    }

    /** The series a blank number on a new customer is taken from. */
    String series() {
        return CustomerService.SERIES;
    }
}
