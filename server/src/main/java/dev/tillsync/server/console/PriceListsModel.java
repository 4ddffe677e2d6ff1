package dev.tillsync.server.console;

import dev.tillsync.server.master.items.CatalogLists;
import java.util.List;

/** The price lists page: the lists and the form ({@code editing} null for a new one) with {@code draft} as shown. */
record PriceListsModel(Frame frame, String notice, String error, List<CatalogLists.PriceList> lists, CatalogLists.PriceList editing,
                       Draft draft, Integer conflictVersion, boolean canWrite) {
    record Draft(String name, String currency, String digits, boolean pricesIncludeTax, Integer version) {
        static Draft of(CatalogLists.PriceList p) {
            return p == null ? new Draft("", "", "2", false, null)
                    : new Draft(p.name(), p.currency(), String.valueOf(p.digits()), p.pricesIncludeTax(), p.version());
        }
    }
}
