package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.UserDirectory;
import dev.tillsync.server.auth.UserRecord;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Server users (System Manager only, as in the API): list and create. */
final class UsersPage {
    private final Services s;

    UsersPage(Services services) {
        this.s = services;
    }

    void list(Context ctx, ConsoleUser u) {
        ctx.html(page(u, ctx.queryParam("created") != null ? Layout.notice("ok", "User created.") : "", null));
    }

    void create(Context ctx, ConsoleUser u) {
        String pin = ctx.formParam("pin");
        UserDirectory.NewUser nu = new UserDirectory.NewUser(ctx.formParam("email"), ctx.formParam("role"), ctx.formParam("password"),
                pin == null || pin.isBlank() ? null : pin.trim(), blank(ctx.formParam("firstName")), blank(ctx.formParam("lastName")));
        try {
            s.users().create(nu);
            ctx.redirect("/console/users?created=1", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind())).html(page(u, Layout.notice("error", e.getMessage()), nu));
        }
    }

    private String page(ConsoleUser u, String notice, UserDirectory.NewUser draft) {
        StringBuilder b = new StringBuilder("<div class=\"titlebar\"><h1>Users</h1></div>").append(notice);
        b.append("<div class=\"columns\"><section class=\"card main-col\"><table class=\"grid\" id=\"users\"><thead><tr><th>Email</th>")
                .append("<th>Role</th><th>First name</th><th>Last name</th><th>PIN set</th></tr></thead><tbody>");
        for (UserRecord r : s.users().list()) {
            b.append("<tr><td>").append(e(r.email())).append("</td><td>").append(e(r.role())).append("</td><td>").append(e(r.firstName()))
                    .append("</td><td>").append(e(r.lastName())).append("</td><td>").append(r.hasPin() ? "yes" : "no").append("</td></tr>");
        }
        b.append("</tbody></table></section><section class=\"card side-col\"><h2>New user</h2><form method=\"post\" action=\"/console/users\" class=\"stack\">")
                .append(u.csrfField())
                .append("<label>Email <input type=\"email\" name=\"email\" required value=\"").append(e(draft == null ? "" : draft.email())).append("\"></label>")
                .append("<label>Role <select name=\"role\">");
        for (Role r : Role.values()) {
            b.append("<option").append(Html.selected(draft != null && r.label().equals(draft.role()))).append(">").append(e(r.label())).append("</option>");
        }
        b.append("</select></label><label>Password <input type=\"password\" name=\"password\" minlength=\"8\" required></label>")
                .append("<label>Terminal PIN (4–8 digits, optional) <input name=\"pin\" inputmode=\"numeric\" pattern=\"\\d{4,8}\"></label>")
                .append("<label>First name <input name=\"firstName\" value=\"").append(e(draft == null ? "" : draft.firstName())).append("\"></label>")
                .append("<label>Last name <input name=\"lastName\" value=\"").append(e(draft == null ? "" : draft.lastName())).append("\"></label>")
                .append("<button type=\"submit\" class=\"primary\">Create user</button></form></section></div>");
        return Layout.page(u, Layout.Tab.USERS, "Users", b.toString());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
