package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Payment modes through PaymentModeService (the API's rules): a refused save shows the reason on the form with what
 * the user typed; a saved one redirects, so a reload never posts twice.
 */
final class PaymentModesController {
    private final Services s;
    private final Views views;

    PaymentModesController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "paymentModes", model(u, saved(ctx), null, PaymentModesModel.Draft.blank(), false));
    }

    void form(Context ctx, ConsoleUser u) {
        views.html(ctx, "paymentModes", model(u, saved(ctx), null, PaymentModesModel.Draft.of(s.paymentModes().get(ctx.pathParam("name"))), true));
    }

    void create(Context ctx, ConsoleUser u) {
        PaymentModesModel.Draft d = typed(ctx, null);
        try {
            PaymentModeService.Mode m = s.paymentModes().create(u.email(), new PaymentModeService.Spec(d.name(), d.type(), d.opensDrawer(),
                    d.requiresReference(), null, null));
            ctx.redirect("/console/payment-modes/" + Urls.segment(m.name()) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "paymentModes", model(u, null, e.getMessage(), d, false));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        String name = ctx.pathParam("name");
        PaymentModesModel.Draft d = typed(ctx, name);
        try {
            s.paymentModes().update(u.email(), name, new PaymentModeService.Spec(null, d.type(), d.opensDrawer(), d.requiresReference(),
                    d.active(), d.version()));
            ctx.redirect("/console/payment-modes/" + Urls.segment(name) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "paymentModes", model(u, null, e.getMessage(), d, true));
        }
    }

    private static PaymentModesModel.Draft typed(Context ctx, String name) {
        return new PaymentModesModel.Draft(name != null ? name : Urls.text(ctx.formParam("name")), Urls.text(ctx.formParam("type")),
                ctx.formParam("opensDrawer") != null, ctx.formParam("requiresReference") != null, ctx.formParam("active") != null,
                Urls.version(ctx));
    }

    private static String saved(Context ctx) {
        return ctx.queryParam("saved") != null ? "Payment mode saved; the profiles that offer it reach the tills on their next pull." : null;
    }

    private PaymentModesModel model(ConsoleUser u, String notice, String error, PaymentModesModel.Draft d, boolean editing) {
        return new PaymentModesModel(Frame.of(u, Frame.Tab.PAYMENT_MODES, "Payment modes"), notice, error,
                s.paymentModes().list(null, 0, 500).items(), d, editing, u.can(Role.ACCOUNTS_MANAGER));
    }
}
