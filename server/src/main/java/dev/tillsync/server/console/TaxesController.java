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

/** Tax categories (name and rate in %); a rate change reaches the tills with every item in the category. */
final class TaxesController {
    private final Services s;
    private final Views views;

    TaxesController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        String name = blankToNull(ctx.queryParam("name"));
        CatalogLists.Tax t = find(name);
        if (name != null && t == null) throw Refusal.notFound("Tax category '" + name + "' does not exist.");
        views.html(ctx, "taxes", model(u, ctx.queryParam("saved") != null
                ? "Tax category saved; the tills get it, with the items in it, on their next pull." : null, null, t, TaxesModel.Draft.of(t), null));
    }

    void save(Context ctx, ConsoleUser u) {
        String existing = blankToNull(ctx.formParam("existing"));
        if (existing != null && find(existing) == null) throw Refusal.notFound("Tax category '" + existing + "' does not exist.");
        Integer over = ItemsController.overVersion(ctx);
        TaxesModel.Draft d = new TaxesModel.Draft(existing != null ? existing : text(ctx.formParam("name")),
                text(ctx.formParam("ratePercent")).strip().replace("%", "").strip(), over != null ? over : version(ctx.formParam("version")));
        try {
            CatalogLists.Tax saved = s.catalogLists().saveTax(u.email(), existing, new CatalogLists.Tax(d.name(), d.ratePercent(), d.version()));
            ctx.redirect("/console/taxes?name=" + Format.url(saved.name()) + "&saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            CatalogLists.Tax now = find(existing);
            boolean stale = "stale_version".equals(e.code()) && now != null;
            views.html(ctx, "taxes", model(u, null, stale ? ItemsController.stale("tax category " + now.name(), d.version(), now.version()) : e.getMessage(), now, d,
                    stale ? now.version() : null));
        }
    }

    private TaxesModel model(ConsoleUser u, String notice, String error, CatalogLists.Tax editing, TaxesModel.Draft d, Integer conflict) {
        return new TaxesModel(Frame.of(u, Frame.Tab.CATALOG, "Taxes"), notice, error, s.catalogLists().taxes(), editing, d, conflict,
                u.can(Role.ACCOUNTS_MANAGER));
    }

    private CatalogLists.Tax find(String name) {
        if (name == null) return null;
        return s.catalogLists().taxes().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
