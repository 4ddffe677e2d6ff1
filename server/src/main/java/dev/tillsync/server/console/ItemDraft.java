package dev.tillsync.server.console;

import dev.tillsync.server.master.items.ItemView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The item form's values as text, either read from a saved item or exactly as the user typed them, so a refused save
 * shows the form again with nothing lost. {@code prices} maps a price list to its typed price ("" = not sold there).
 */
record ItemDraft(String code, String name, String category, String unit, String barcodes, String taxCategory, boolean active,
                 Map<String, String> prices, Integer version) {

    static ItemDraft blank() {
        return new ItemDraft("", "", "", "unit", "", "", true, Map.of(), null);
    }

    static ItemDraft of(ItemView i) {
        Map<String, String> prices = new LinkedHashMap<>();
        for (ItemView.Price p : i.prices()) prices.put(p.priceList(), p.price());
        return new ItemDraft(i.code(), i.name(), i.category() == null ? "" : i.category(), i.unit(), String.join("\n", i.barcodes()),
                i.taxCategory(), i.active(), prices, i.version());
    }

    /** The posted form: priceList and price come as pairs in the same order, one per list shown. */
    static ItemDraft of(Context ctx) {
        List<String> lists = ctx.formParams("priceList"), typed = ctx.formParams("price");
        Map<String, String> prices = new LinkedHashMap<>();
        for (int i = 0; i < lists.size(); i++) prices.put(lists.get(i), i < typed.size() ? typed.get(i).strip() : "");
        String version = ctx.formParam("version");
        return new ItemDraft(text(ctx.formParam("code")), text(ctx.formParam("name")), text(ctx.formParam("category")),
                text(ctx.formParam("unit")), text(ctx.formParam("barcodes")), text(ctx.formParam("taxCategory")),
                ctx.formParam("active") != null, prices, version == null || version.isBlank() ? null : Integer.valueOf(version.trim()));
    }

    /** The barcodes typed one per line (commas, spaces and | also separate them, as people paste lists). */
    List<String> barcodeList() {
        return Arrays.stream(barcodes.split("[\\s,|;]+")).filter(b -> !b.isBlank()).toList();
    }

    /** What the item services take; {@code version} is the one to save over (the one read, or the one the user chose to overwrite). */
    ItemView.Spec spec(Integer version) {
        List<ItemView.PriceSpec> p = new ArrayList<>();
        prices.forEach((list, price) -> p.add(new ItemView.PriceSpec(list, price)));
        return new ItemView.Spec(code, name, category, unit, taxCategory, active, version, barcodeList(), p);
    }

    String price(String list) {
        return prices.getOrDefault(list, "");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
