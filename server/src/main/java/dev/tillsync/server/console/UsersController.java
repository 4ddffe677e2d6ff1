package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;

/** Server users (System Manager only, as in the API): list and create. */
final class UsersController {
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::label).toList();

    private final Services s;
    private final Views views;

    UsersController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void list(Context ctx, ConsoleUser u) {
        views.html(ctx, "users", model(u, ctx.queryParam("created") != null ? "User created." : null, null, null));
    }

    void create(Context ctx, ConsoleUser u) {
        String pin = ctx.formParam("pin");
        BackOfficeUsers.NewUser nu = new BackOfficeUsers.NewUser(ctx.formParam("email"), ctx.formParam("role"), ctx.formParam("password"),
                pin == null || pin.isBlank() ? null : pin.trim(), blank(ctx.formParam("firstName")), blank(ctx.formParam("lastName")));
        try {
            s.users().create(nu);
            ctx.redirect("/console/users?created=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "users", model(u, null, e.getMessage(), nu));
        }
    }

    private UsersModel model(ConsoleUser u, String created, String error, BackOfficeUsers.NewUser draft) {
        return new UsersModel(Frame.of(u, Frame.Tab.USERS, "Users"), created, error, s.users().list(), ROLES, draft);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
