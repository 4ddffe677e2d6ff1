package dev.tillsync.server.console;

import static dev.tillsync.server.console.CategoriesController.blankToNull;
import static dev.tillsync.server.console.CategoriesController.text;
import static dev.tillsync.server.console.CategoriesController.version;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Price lists (name, currency and its decimals, whether prices include tax); the items' prices are set on the item form. */
final class PriceListsController {
    private final Services s;
    private final Views views;

    PriceListsController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        String name = blankToNull(ctx.queryParam("name"));
        CatalogLists.PriceList p = find(name);
        if (name != null && p == null) throw Refusal.notFound("Price list '" + name + "' does not exist.");
        views.html(ctx, "priceLists", model(u, ctx.queryParam("saved") != null
                ? "Price list saved; the tills on it get it on their next pull." : null, null, p, PriceListsModel.Draft.of(p), null));
    }

    void save(Context ctx, ConsoleUser u) {
        String existing = blankToNull(ctx.formParam("existing"));
        if (existing != null && find(existing) == null) throw Refusal.notFound("Price list '" + existing + "' does not exist.");
        Integer over = ItemsController.overVersion(ctx);
        PriceListsModel.Draft d = new PriceListsModel.Draft(existing != null ? existing : text(ctx.formParam("name")), text(ctx.formParam("currency")),
                text(ctx.formParam("digits")), ctx.formParam("pricesIncludeTax") != null, over != null ? over : version(ctx.formParam("version")));
        try {
            Integer digits;
            try {
                digits = d.digits().isBlank() ? null : Integer.valueOf(d.digits().strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("invalid_digits", "Currency decimals '" + d.digits() + "' is not a number; use 0 to 3 (2 for EUR or USD).");
            }
            CatalogLists.PriceList saved = s.catalogLists().savePriceList(u.email(), existing,
                    new CatalogLists.PriceList(d.name(), d.currency(), digits, d.pricesIncludeTax(), d.version()));
            ctx.redirect("/console/price-lists?name=" + Format.url(saved.name()) + "&saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            CatalogLists.PriceList now = find(existing);
            boolean stale = "stale_version".equals(e.code()) && now != null;
            views.html(ctx, "priceLists", model(u, null, stale ? ItemsController.stale("price list " + now.name(), d.version(), now.version()) : e.getMessage(), now, d,
                    stale ? now.version() : null));
        }
    }

    private PriceListsModel model(ConsoleUser u, String notice, String error, CatalogLists.PriceList editing, PriceListsModel.Draft d, Integer conflict) {
        return new PriceListsModel(Frame.of(u, Frame.Tab.CATALOG, "Price lists"), notice, error, s.catalogLists().priceLists(), editing, d, conflict,
                u.can(Role.ACCOUNTS_MANAGER));
    }

    private CatalogLists.PriceList find(String name) {
        if (name == null) return null;
        return s.catalogLists().priceLists().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
