package dev.tillsync.server.console;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import java.math.BigDecimal;
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

    static String listLabel(CatalogLists.PriceList p) {
        return p.name() + " (" + p.currency() + (p.pricesIncludeTax() ? ", incl. tax" : ", excl. tax") + ")";
    }

    /** What is saved now, shown beside a conflict so the user sees what the other person changed. */
    String savedSummary() {
        if (saved == null) return "";
        String prices = saved.prices().isEmpty() ? "no prices"
                : String.join(", ", saved.prices().stream().map(p -> p.priceList() + " " + p.price()).toList());
        return saved.name() + "; " + (saved.category() == null ? "no category" : saved.category()) + "; " + saved.unit() + "; "
                + saved.taxCategory() + "; " + prices + "; barcodes " + (saved.barcodes().isEmpty() ? "none" : String.join(", ", saved.barcodes()))
                + "; " + (saved.active() ? "active" : "disabled") + " (version " + saved.version() + ")";
    }
}
