package dev.tillsync.server.console;

import dev.tillsync.server.master.items.CatalogLists;
import java.util.List;

/** The tax categories page: the list and the form ({@code editing} null for a new one) with {@code draft} as shown. */
record TaxesModel(Frame frame, String notice, String error, List<CatalogLists.Tax> taxes, CatalogLists.Tax editing, Draft draft,
                  Integer conflictVersion, boolean canWrite) {
    record Draft(String name, String ratePercent, Integer version) {
        static Draft of(CatalogLists.Tax t) {
            return t == null ? new Draft("", "", null) : new Draft(t.name(), ItemListModel.rate(t), t.version());
        }
    }

    static String rate(CatalogLists.Tax t) {
        return ItemListModel.rate(t) + "%";
    }
}
