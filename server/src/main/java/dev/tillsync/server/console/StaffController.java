package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.staff.StaffService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cashiers in one place (name, email, PIN, active, and the tills they are on with the three flags and shift types
 * per till), and the shop's time zone. Managers write cashiers; only a System Manager the settings.
 */
final class StaffController {
    private final Services s;
    private final Views views;

    StaffController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "staff", model(u, ctx.queryParam("saved") != null ? "Cashier saved." : null, null, null, null, null));
    }

    void form(Context ctx, ConsoleUser u) {
        StaffService.Cashier c = s.staff().get(ctx.pathParam("login"));
        views.html(ctx, "staff", model(u, ctx.queryParam("saved") != null ? "Cashier saved." : null, null, c, null, null));
    }

    void create(Context ctx, ConsoleUser u) {
        String name = ctx.formParam("name"), email = ctx.formParam("email");
        try {
            StaffService.Cashier c = s.staff().create(u.email(), new StaffService.Spec(name, email, ctx.formParam("pin"), null, null));
            s.staff().assign(u.email(), c.login(), new StaffService.Tills(assignments(ctx), null));
            ctx.redirect("/console/staff/" + URLEncoder.encode(c.login(), StandardCharsets.UTF_8) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "staff", model(u, null, e.getMessage(), null, name, email));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        String login = ctx.pathParam("login");
        try {
            Integer version = Integer.valueOf(ctx.formParam("version"));
            String pin = ctx.formParam("pin");
            StaffService.Cashier c = s.staff().update(u.email(), login, new StaffService.Spec(ctx.formParam("name"), ctx.formParam("email"),
                    pin == null || pin.isBlank() ? null : pin.trim(), ctx.formParam("active") != null, version));
            s.staff().assign(u.email(), login, new StaffService.Tills(assignments(ctx), c.version()));
            ctx.redirect("/console/staff/" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (NumberFormatException e) {
            ctx.status(400);
            views.html(ctx, "staff", model(u, null, "The form lost its version; reload the page.", s.staff().get(login), null, null));
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "staff", model(u, null, e.getMessage(), s.staff().get(login), null, null));
        }
    }

    void settings(Context ctx, ConsoleUser u) {
        views.html(ctx, "settings", settingsModel(u, ctx.queryParam("saved") != null ? "Time zone saved." : null, null));
    }

    void saveSettings(Context ctx, ConsoleUser u) {
        String zone = ctx.formParam("timeZone");
        try {
            s.jdbi().useTransaction(h -> {
                ZoneId before = s.settings().timeZone(h);
                ZoneId z = s.settings().setTimeZone(h, zone);
                s.audit().record(h, u.email(), "setting", "time_zone", "update", Map.of("timeZone", before.getId()), Map.of("timeZone", z.getId()));
            });
            ctx.redirect("/console/settings?saved=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "settings", settingsModel(u, null, e.getMessage()));
        }
    }

    /** The till rows of the form: till.N = posId when ticked, with its flags and shift.N checkboxes. */
    private List<DeviceRegistry.Assignment> assignments(Context ctx) {
        List<DeviceRegistry.Assignment> out = new ArrayList<>();
        for (String posId : ctx.formParams("till")) {
            out.add(new DeviceRegistry.Assignment(posId, ctx.formParam("configure." + posId) != null, ctx.formParam("export." + posId) != null,
                    ctx.formParam("reprint." + posId) != null, ctx.formParams("shift." + posId)));
        }
        return out;
    }

    private StaffModel model(ConsoleUser u, String notice, String error, StaffService.Cashier edit, String name, String email) {
        List<String> tills = s.devices().list().stream().map(DeviceView::posId).toList();
        List<String> shifts = s.shiftTypes().list(null, 0, 500).items().stream().filter(t -> t.active()).map(t -> t.name()).toList();
        return new StaffModel(Frame.of(u, Frame.Tab.STAFF, "Staff"), notice, error, s.staff().list(null, 0, 500).items(), edit,
                name, email, tills, shifts, u.can(Role.ACCOUNTS_MANAGER));
    }

    private SettingsModel settingsModel(ConsoleUser u, String notice, String error) {
        return new SettingsModel(Frame.of(u, Frame.Tab.SETTINGS, "Settings"), notice, error, s.settings().timeZone().getId(),
                ZoneId.getAvailableZoneIds().stream().sorted().toList(), u.can(Role.SYSTEM_MANAGER));
    }
}
