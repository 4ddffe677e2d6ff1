package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * POS profiles: the list, a form for a new one, and one form with every setting a till needs; a save moves the
 * profile key of every device on it. A refused save shows the reason over the form as it was typed.
 */
final class ProfilesController {
    private final Services s;
    private final Views views;
    private final SetupChoices choices;

    ProfilesController(Services services, Views views) {
        this.s = services;
        this.views = views;
        this.choices = new SetupChoices(services);
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "profiles", model(u, null, null, null, null));
    }

    void form(Context ctx, ConsoleUser u) {
        ProfileRecord e = s.profiles().get(ctx.pathParam("name"));
        views.html(ctx, "profiles", model(u, ctx.queryParam("saved") != null ? "Profile saved; the tills on it get the new settings on their next pull." : null,
                null, e, ProfileDraft.of(e)));
    }

    void newForm(Context ctx, ConsoleUser u) {
        views.html(ctx, "profiles", model(u, null, null, null, ProfileDraft.blank(choices.warehouses(),
                choices.priceLists().stream().map(CatalogLists.PriceList::name).toList(), choices.paymentModes())));
    }

    void create(Context ctx, ConsoleUser u) {
        ProfileDraft d = ProfileDraft.typed(ctx, null);
        try {
            ProfileRecord r = s.profiles().create(u.email(), d.toSpec(true));
            ctx.redirect("/console/profiles/" + Urls.segment(r.name()) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "profiles", model(u, null, e.getMessage(), null, d));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        String name = ctx.pathParam("name");
        ProfileRecord stored = s.profiles().get(name);
        ProfileDraft d = ProfileDraft.typed(ctx, name);
        try {
            s.profiles().update(u.email(), name, d.toSpec(false));
            ctx.redirect("/console/profiles/" + Urls.segment(name) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "profiles", model(u, null, e.getMessage(), stored, d));
        }
    }

    private ProfilesModel model(ConsoleUser u, String notice, String error, ProfileRecord edit, ProfileDraft draft) {
        List<String> devices = edit == null ? List.of() : s.profiles().devices(edit.name());
        return new ProfilesModel(Frame.of(u, Frame.Tab.PROFILES, edit != null ? "POS profile " + edit.name() : draft != null ? "New POS profile" : "POS profiles"),
                notice, error, s.profiles().list(null, 0, 500).items(), edit, draft, devices, choices.paymentModes(), choices.warehouses(),
                choices.priceLists(), u.can(Role.ACCOUNTS_MANAGER));
    }
}
