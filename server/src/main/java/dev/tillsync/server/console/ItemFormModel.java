package dev.tillsync.server.console;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The item form (new when {@code saved} is null): the values shown ({@code draft}, the saved item's or what the
 * user typed), the choices, the stock per warehouse and the history of the saved item. {@code conflictVersion} is
 * set when a save was refused because someone else changed the item: the form then offers to save over it.
 */
record ItemFormModel(Frame frame, String notice, String error, ItemDraft draft, ItemView saved, Integer conflictVersion,
                     CategoryTree categories, List<CatalogLists.Tax> taxes, List<CatalogLists.PriceList> priceLists,
                     List<ItemHistoryRow> history, boolean canWrite) {
    static final List<String> UNITS = List.of("unit", "kg", "g", "l", "m");

    boolean isNew() {
        return saved == null;
    }

    /** A stock level in the item's unit: whole units for a counted item, three decimals and the unit for a measured one. */
    static String qty(ItemView item, ItemView.Stock s) {
        boolean measured = Unit.parse(item.unit()).map(Unit::measured).orElse(false);
        if (!measured && s.qtyMilli() % Unit.MILLI == 0) return String.valueOf(s.qtyMilli() / Unit.MILLI);
        String q = BigDecimal.valueOf(s.qtyMilli(), 3).toPlainString();
        return measured ? q + " " + item.unit() : q;
    }

    static String unitLabel(String u) {
        return switch (u) {
            case "unit" -> "unit (sold in whole pieces)";
            case "kg" -> "kg (by weight)";
            case "g" -> "g (by weight)";
            case "l" -> "l (by volume)";
            case "m" -> "m (by length)";
            default -> u;
        };
    }

    /** "VAT (15%)", or just "Tax 15%" when the name already says the rate. */
    static String taxLabel(CatalogLists.Tax t) {
        String rate = ItemListModel.rate(t) + "%";
        return t.name().contains(rate) ? t.name() : t.name() + " (" + rate + ")";
    }

    static String listLabel(CatalogLists.PriceList p) {
        return p.name() + " (" + p.currency() + (p.pricesIncludeTax() ? ", incl. tax" : ", excl. tax") + ")";
    }

    /** Beside a conflict: each field where what is saved now differs from the form, "Name: saved X, yours Y". */
    List<String> differences() {
        if (saved == null) return List.of();
        ItemDraft now = ItemDraft.of(saved);
        List<String> out = new ArrayList<>();
        diff(out, "Name", now.name(), draft.name());
        diff(out, "Category", now.category(), draft.category());
        diff(out, "Unit", now.unit(), draft.unit());
        diff(out, "Tax category", now.taxCategory(), draft.taxCategory());
        diff(out, "Barcodes", String.join(", ", now.barcodeList()), String.join(", ", draft.barcodeList()));
        diff(out, "Active", now.active() ? "yes" : "no", draft.active() ? "yes" : "no");
        for (CatalogLists.PriceList p : priceLists) diff(out, "Price on " + p.name(), now.price(p.name()), draft.price(p.name()));
        if (out.isEmpty()) out.add("The saved values are the same as yours (version " + saved.version() + ").");
        return out;
    }

    private static void diff(List<String> out, String field, String saved, String yours) {
        String a = saved == null || saved.isBlank() ? "(none)" : saved.strip(), b = yours == null || yours.isBlank() ? "(none)" : yours.strip();
        if (!a.equals(b)) out.add(field + ": saved " + a + ", yours " + b);
    }
}
