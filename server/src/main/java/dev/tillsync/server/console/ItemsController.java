package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items: the searchable, paged list (also as a rows fragment for search-as-you-type) and the item form. Every write
 * goes through ItemEditor (validation, version check, audit, pull feed); a refused save shows the form again as typed.
 */
final class ItemsController {
    static final int PAGE = 50;

    private final Services s;
    private final Views views;

    ItemsController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        String q = ctx.queryParamAsClass("q", String.class).getOrDefault("").strip();
        String category = ctx.queryParamAsClass("category", String.class).getOrDefault("").strip();
        int offset = Math.max(0, offset(ctx.queryParam("offset")));
        List<ItemView> rows = s.items().list(q, category, null, offset, PAGE + 1);
        CatalogLists.PriceList list = defaultList();
        Map<String, String> rates = new LinkedHashMap<>();
        for (CatalogLists.Tax t : s.catalogLists().taxes()) rates.put(t.name(), ItemListModel.rate(t));
        ItemListModel m = new ItemListModel(Frame.of(u, Frame.Tab.CATALOG, "Items"), ctx.queryParam("notice"), q, category,
                CategoryTree.of(s.catalogLists().categories()), rows.size() > PAGE ? rows.subList(0, PAGE) : rows, offset, PAGE,
                rows.size() > PAGE, list.name(), list.name() + ", " + list.currency(), rates, u.can(Role.ACCOUNTS_MANAGER));
        views.html(ctx, "rows".equals(ctx.queryParam("fragment")) ? "itemRows" : "items", m);
    }

    void newForm(Context ctx, ConsoleUser u) {
        views.html(ctx, "itemForm", form(u, null, null, ItemDraft.blank(), null, null));
    }

    void edit(Context ctx, ConsoleUser u) {
        ItemView item = s.items().get(required(ctx.queryParam("code")));
        String notice = ctx.queryParam("saved") != null ? "Item saved; the tills get it on their next pull."
                : ctx.queryParam("disabled") != null ? "Item " + item.code() + " is disabled: the tills stop selling it at their next pull. "
                        + "It is not deleted: its sales, stock and history stay, and ticking Active and saving sells it again." : null;
        views.html(ctx, "itemForm", form(u, notice, null, ItemDraft.of(item), item, null));
    }

    void create(Context ctx, ConsoleUser u) {
        ItemDraft d = ItemDraft.of(ctx);
        try {
            ItemView created = s.itemEditor().create(u.email(), d.spec(null));
            ctx.redirect("/console/items/edit?code=" + Format.url(created.code()) + "&saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "itemForm", form(u, null, e.getMessage(), d, null, null));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        ItemView saved = s.items().get(required(ctx.formParam("code")));
        ItemDraft d;
        try {
            d = ItemDraft.of(ctx);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid_version", "The form lost the version it read; reload the item and make the change again.");
        }
        Integer over = overVersion(ctx);
        if (over != null) d = new ItemDraft(d.code(), d.name(), d.category(), d.unit(), d.barcodes(), d.taxCategory(), d.active(), d.prices(), over);
        try {
            s.itemEditor().update(u.email(), saved.code(), d.spec(d.version()), null);
            ctx.redirect("/console/items/edit?code=" + Format.url(saved.code()) + "&saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            ItemView now = s.items().get(saved.code());
            boolean stale = "stale_version".equals(e.code());
            views.html(ctx, "itemForm", form(u, null, stale ? stale("item " + now.code(), d.version(), now.version()) : e.getMessage(), d, now,
                    stale ? now.version() : null));
        }
    }

    void disable(Context ctx, ConsoleUser u) {
        String code = required(ctx.formParam("code"));
        String v = ctx.formParam("version");
        try {
            s.itemEditor().disable(u.email(), code, v == null || v.isBlank() ? null : Integer.valueOf(v.trim()));
            ctx.redirect("/console/items/edit?code=" + Format.url(code) + "&disabled=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            ItemView now = s.items().get(code);
            views.html(ctx, "itemForm", form(u, null, e.getMessage(), ItemDraft.of(now), now, null));
        }
    }

    /** The list whose price the items page shows: the tills' default list when it exists, else the first. */
    private CatalogLists.PriceList defaultList() {
        List<CatalogLists.PriceList> lists = s.catalogLists().priceLists();
        return lists.stream().filter(l -> l.name().equals(Catalog.DEFAULT_PRICE_LIST)).findFirst()
                .orElse(lists.isEmpty() ? new CatalogLists.PriceList(Catalog.DEFAULT_PRICE_LIST, "USD", 2, false, 0) : lists.get(0));
    }

    private ItemFormModel form(ConsoleUser u, String notice, String error, ItemDraft draft, ItemView saved, Integer conflict) {
        ZoneId zone = s.settings().timeZone();
        List<ItemHistoryRow> history = saved == null ? List.of()
                : s.itemEditor().history(saved.code()).stream().map(e -> ItemHistoryRow.of(e, zone)).toList();
        return new ItemFormModel(Frame.of(u, Frame.Tab.CATALOG, saved == null ? "New item" : "Item " + saved.code()), notice, error, draft,
                saved, conflict, CategoryTree.of(s.catalogLists().categories()), s.catalogLists().taxes(), s.catalogLists().priceLists(),
                history, u.can(Role.ACCOUNTS_MANAGER));
    }

    /** The refusal of a stale save in the console's words: the form below keeps the values and offers the choice. */
    static String stale(String what, Integer read, int now) {
        return "Not saved: someone else changed " + what + " while you had it open (you read version " + read + "; it is now version " + now
                + "). Your values are still in the form; compare them with what is saved now.";
    }

    /** The version the user chose to save over after a conflict ("Save mine over theirs"), else null. */
    static Integer overVersion(Context ctx) {
        String v = ctx.formParam("overVersion");
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int offset(String v) {
        if (v == null || v.isBlank()) return 0;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String required(String code) {
        if (code == null || code.isBlank()) throw Refusal.invalid("invalid_code", "No item code was given; open the item from the items list.");
        return code.strip();
    }
}
