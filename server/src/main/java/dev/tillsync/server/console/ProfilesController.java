package dev.tillsync.server.console;

import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** POS profiles: the list, and one form with every setting a till needs; a save moves the profile key of every device on it. */
final class ProfilesController {
    private final Services s;
    private final Views views;

    ProfilesController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "profiles", model(u, null, null, null));
    }

    void form(Context ctx, ConsoleUser u) {
        views.html(ctx, "profiles", model(u, ctx.queryParam("saved") != null ? "Profile saved; the tills on it get the new settings on their next pull." : null,
                null, ctx.pathParam("name")));
    }

    void save(Context ctx, ConsoleUser u) {
        String name = ctx.pathParam("name");
        try {
            Integer version = Integer.valueOf(ctx.formParam("version"));
            String prefix = ctx.formParam("scalePrefix");
            ScaleLayout scale = prefix == null || prefix.isBlank() ? null : new ScaleLayout(prefix.trim(), num(ctx, "scaleItemDigits"),
                    num(ctx, "scaleValueDigits"), num(ctx, "scaleValueDecimals"), ctx.formParam("scaleKind"));
            List<String> modes = ctx.formParams("mode");
            s.profiles().update(u.email(), name, new ProfileService.Spec(null, ctx.formParam("warehouse"), ctx.formParam("priceList"),
                    modes, ctx.formParam("taxTemplate"), ctx.formParam("receiptHeader"), ctx.formParam("receiptFooter"), ctx.formParam("sellerName"),
                    ctx.formParam("sellerTaxNumber"), ctx.formParam("cashRounding"), ctx.formParam("maxDiscountPercent"),
                    num(ctx, "pullIntervalSeconds"), scale, scale == null, ctx.formParam("active") != null, version));
            ctx.redirect("/console/profiles/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (NumberFormatException e) {
            ctx.status(400);
            views.html(ctx, "profiles", model(u, null, "A number field has something other than digits.", name));
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "profiles", model(u, null, e.getMessage(), name));
        }
    }

    private static Integer num(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null || v.isBlank() ? null : Integer.valueOf(v.trim());
    }

    private ProfilesModel model(ConsoleUser u, String notice, String error, String name) {
        var edit = name == null ? null : s.profiles().get(name);
        List<String> modes = s.paymentModes().list(null, 0, 500).items().stream().filter(m -> m.active()).map(m -> m.name()).toList();
        return new ProfilesModel(Frame.of(u, Frame.Tab.PROFILES, "POS profiles"), notice, error, s.profiles().list(null, 0, 500).items(), edit,
                name == null ? List.of() : s.profiles().devices(name), modes, u.can(Role.ACCOUNTS_MANAGER));
    }
}
