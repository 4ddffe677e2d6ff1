package dev.tillsync.server.console;

import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import java.util.List;
import java.util.Map;

/**
 * The items page: the search (prefix of code, name or barcode) and category filter, one page of rows from
 * {@code offset}, and whether a next page exists. The price column is {@code priceList}'s price.
 */
record ItemListModel(Frame frame, String notice, String q, String category, CategoryTree categories, List<ItemView> items,
                     int offset, int pageSize, boolean hasNext, String priceList, String priceHeader, Map<String, String> taxRates, boolean canWrite) {

    String price(ItemView i) {
        return i.prices().stream().filter(p -> p.priceList().equals(priceList)).map(ItemView.Price::price).findFirst().orElse("—");
    }

    String tax(ItemView i) {
        String rate = taxRates.get(i.taxCategory());
        return rate == null || i.taxCategory().contains(rate + "%") ? i.taxCategory() : i.taxCategory() + " (" + rate + "%)";
    }

    String pageUrl(int from) {
        return "/console/items?q=" + Format.url(q) + "&category=" + Format.url(category) + "&offset=" + Math.max(0, from);
    }

    String range() {
        if (items.isEmpty()) return offset == 0 ? "No items match." : "No more items.";
        return "Items " + (offset + 1) + "–" + (offset + items.size());
    }

    static String rate(CatalogLists.Tax t) {
        return new java.math.BigDecimal(t.ratePercent()).stripTrailingZeros().toPlainString();
    }
}
