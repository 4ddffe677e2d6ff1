package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.master.items.CatalogLists;
import java.util.List;

/** What the setup forms offer in their pick-lists: only active records, so a form never offers what a save would refuse. */
final class SetupChoices {
    private final Services s;

    SetupChoices(Services services) {
        this.s = services;
    }

    List<String> warehouses() {
        return s.jdbi().withHandle(h -> h.createQuery("select name from warehouse where active order by name").mapTo(String.class).list());
    }

    /** Active price lists with their currency and minor unit (a profile's currency is its price list's). */
    List<CatalogLists.PriceList> priceLists() {
        List<String> active = s.jdbi().withHandle(h -> h.createQuery("select name from price_list where active").mapTo(String.class).list());
        return s.catalogLists().priceLists().stream().filter(p -> active.contains(p.name())).toList();
    }

    List<String> paymentModes() {
        return s.paymentModes().list(null, 0, 500).items().stream().filter(m -> m.active()).map(m -> m.name()).toList();
    }
}
