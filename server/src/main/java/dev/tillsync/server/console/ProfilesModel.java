package dev.tillsync.server.console;

import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.master.items.CatalogLists;
import java.util.List;

/**
 * The POS profiles page: the list and, when one is open or a new one is being made, its form with every setting.
 * {@code draft} is what the form shows (as read, or as typed after a refusal; null when no form is open); {@code edit}
 * the record as stored (null for a new one); {@code modes} the active payment modes, offered as checkboxes in the
 * profile's order first (the order the till shows them).
 */
record ProfilesModel(Frame frame, String notice, String error, List<ProfileRecord> profiles, ProfileRecord edit, ProfileDraft draft,
                     List<String> devicesOnIt, List<String> modes, List<String> warehouses, List<CatalogLists.PriceList> priceLists,
                     boolean canWrite) {

    boolean isNew() {
        return draft != null && edit == null;
    }

    List<String> orderedModes() {
        return draft == null ? modes : draft.ordered(modes);
    }

    /** The warehouses to choose from, with the draft's own first kept even if it was disabled since. */
    List<String> warehouseChoices() {
        if (draft == null || draft.warehouse().isBlank() || warehouses.contains(draft.warehouse())) return warehouses;
        List<String> out = new java.util.ArrayList<>(warehouses);
        out.add(0, draft.warehouse());
        return out;
    }

    /** The price lists to choose from, with the draft's own kept (shown as it is stored) even if it was disabled since. */
    List<CatalogLists.PriceList> priceListChoices() {
        if (draft == null || draft.priceList().isBlank() || priceLists.stream().anyMatch(p -> p.name().equals(draft.priceList()))) return priceLists;
        List<CatalogLists.PriceList> out = new java.util.ArrayList<>(priceLists);
        out.add(0, new CatalogLists.PriceList(draft.priceList(), edit != null ? edit.currency() : "?", edit != null ? edit.currencyDigits() : 2, false, null));
        return out;
    }

    /** The currency and minor unit the draft's price list gives the profile (a profile has its price list's). */
    String currencyOf(String priceList) {
        return priceLists.stream().filter(p -> p.name().equals(priceList)).findFirst()
                .map(p -> p.currency() + ", " + p.digits() + (p.digits() == 1 ? " decimal" : " decimals") + (Boolean.TRUE.equals(p.pricesIncludeTax()) ? ", prices include tax" : ""))
                .orElse(edit != null ? edit.currency() + ", " + edit.currencyDigits() + " decimals" : "");
    }

    String currency() {
        if (draft == null) return "";
        String c = currencyOf(draft.priceList());
        return c.isEmpty() ? "" : c.substring(0, 3);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
