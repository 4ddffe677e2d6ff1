package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Shift types through ShiftTypeService: a refused save keeps what was typed and says why; a saved one redirects. */
final class ShiftTypesController {
    private final Services s;
    private final Views views;

    ShiftTypesController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "shiftTypes", model(u, saved(ctx), null, ShiftTypesModel.Draft.blank(), false));
    }

    void form(Context ctx, ConsoleUser u) {
        views.html(ctx, "shiftTypes", model(u, saved(ctx), null, ShiftTypesModel.Draft.of(s.shiftTypes().get(ctx.pathParam("name"))), true));
    }

    void create(Context ctx, ConsoleUser u) {
        ShiftTypesModel.Draft d = typed(ctx, null);
        try {
            ShiftTypeService.ShiftType t = s.shiftTypes().create(u.email(), new ShiftTypeService.Spec(d.name(), d.startTime(), d.endTime(), null, null));
            ctx.redirect("/console/shift-types/" + Urls.segment(t.name()) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "shiftTypes", model(u, null, e.getMessage(), d, false));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        String name = ctx.pathParam("name");
        ShiftTypesModel.Draft d = typed(ctx, name);
        try {
            s.shiftTypes().update(u.email(), name, new ShiftTypeService.Spec(null, d.startTime(), d.endTime(), d.active(), d.version()));
            ctx.redirect("/console/shift-types/" + Urls.segment(name) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "shiftTypes", model(u, null, e.getMessage(), d, true));
        }
    }

    private static ShiftTypesModel.Draft typed(Context ctx, String name) {
        return new ShiftTypesModel.Draft(name != null ? name : Urls.text(ctx.formParam("name")), Urls.text(ctx.formParam("startTime")),
                Urls.text(ctx.formParam("endTime")), ctx.formParam("active") != null, Urls.version(ctx));
    }

    private static String saved(Context ctx) {
        return ctx.queryParam("saved") != null ? "Shift type saved; the tills get it on their next pull." : null;
    }

    private ShiftTypesModel model(ConsoleUser u, String notice, String error, ShiftTypesModel.Draft d, boolean editing) {
        return new ShiftTypesModel(Frame.of(u, Frame.Tab.SHIFT_TYPES, "Shift types"), notice, error, s.shiftTypes().list(null, 0, 500).items(),
                d, editing, u.can(Role.ACCOUNTS_MANAGER));
    }
}
