package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Categories as a tree with one form for create and edit (the name is the key, so it is fixed once created). */
final class CategoriesController {
    private final Services s;
    private final Views views;

    CategoriesController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        String name = blankToNull(ctx.queryParam("name"));
        CatalogLists.Category c = find(name);
        if (name != null && c == null) throw Refusal.notFound("Category '" + name + "' does not exist.");
        views.html(ctx, "categories", model(u, ctx.queryParam("saved") != null ? "Category saved; the tills get it on their next pull." : null,
                null, c, CategoriesModel.Draft.of(c), null));
    }

    void save(Context ctx, ConsoleUser u) {
        String existing = blankToNull(ctx.formParam("existing"));
        CatalogLists.Category before = find(existing);
        if (existing != null && before == null) throw Refusal.notFound("Category '" + existing + "' does not exist.");
        Integer over = ItemsController.overVersion(ctx);
        CategoriesModel.Draft d = new CategoriesModel.Draft(existing != null ? existing : text(ctx.formParam("name")), text(ctx.formParam("parent")),
                text(ctx.formParam("position")), ctx.formParam("active") != null,
                over != null ? over : version(ctx.formParam("version")));
        try {
            Integer position;
            try {
                position = d.position().isBlank() ? 0 : Integer.valueOf(d.position().strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("invalid_position", "Position '" + d.position() + "' is not a whole number; it orders the till's buttons (0 first).");
            }
            CatalogLists.Category saved = s.catalogLists().saveCategory(u.email(), existing,
                    new CatalogLists.Category(d.name(), d.parent(), position, d.active(), d.version()));
            ctx.redirect("/console/categories?name=" + Format.url(saved.name()) + "&saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            CatalogLists.Category now = find(existing);
            boolean stale = "stale_version".equals(e.code()) && now != null;
            views.html(ctx, "categories", model(u, null, stale ? ItemsController.stale("category " + now.name(), d.version(), now.version()) : e.getMessage(), now, d,
                    stale ? now.version() : null));
        }
    }

    private CategoriesModel model(ConsoleUser u, String notice, String error, CatalogLists.Category editing, CategoriesModel.Draft d, Integer conflict) {
        return new CategoriesModel(Frame.of(u, Frame.Tab.CATALOG, "Categories"), notice, error, CategoryTree.of(s.catalogLists().categories()),
                editing, d, conflict, u.can(Role.ACCOUNTS_MANAGER));
    }

    private CatalogLists.Category find(String name) {
        if (name == null || name.isBlank()) return null;
        return s.catalogLists().categories().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    /** The hidden version field; null when missing or garbled, which the service refuses as "needs the version you read". */
    static Integer version(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
