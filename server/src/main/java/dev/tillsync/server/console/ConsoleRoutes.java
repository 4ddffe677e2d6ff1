package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-office web console under /console, on the same Javalin app as the API. Every page goes through
 * {@link #page}: signed in, CSRF token on every POST, then the same role rule as the API endpoint it mirrors.
 */
public final class ConsoleRoutes {
    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    /** HttpApi's marker that an error body is already written, so its JSON 404/405 mappers leave our HTML alone. */
    private static final String BODY_WRITTEN = "tillsync.error";

    private final ConsoleAuth auth;
    private final DevicePages devices;
    private final SyncStatusPage sync;
    private final ReconciliationPage reconciliation;
    private final UploadPage upload;
    private final UsersPage users;

    public ConsoleRoutes(Services services) {
        ConsoleQueries queries = new ConsoleQueries(services.jdbi());
        this.auth = new ConsoleAuth(services);
        this.devices = new DevicePages(services, queries);
        this.sync = new SyncStatusPage(services, queries);
        this.reconciliation = new ReconciliationPage(services, queries);
        this.upload = new UploadPage(services, queries);
        this.users = new UsersPage(services);
    }

    /** What a console page does once the user is known to be allowed. */
    @FunctionalInterface
    interface Page {
        void handle(Context ctx, ConsoleUser u) throws Exception;
    }

    public void register(Javalin app) {
        app.get("/console", ctx -> ctx.redirect("/console/devices", HttpStatus.SEE_OTHER));
        app.get("/console/assets/{name}", Assets::serve);
        app.get("/console/login", ctx -> {
            ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
            if (auth.current(ctx).isPresent()) {
                ctx.redirect("/console/devices", HttpStatus.SEE_OTHER);
            } else {
                ctx.html(SignInPage.render(null, null));
            }
        });
        app.post("/console/login", this::signIn);
        app.post("/console/logout", page(Role.ACCOUNTS_USER, (ctx, u) -> {
            auth.signOut(ctx, u);
            ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
        }));

        app.get("/console/devices", page(Role.ACCOUNTS_USER, devices::list));
        app.get("/console/new-device", page(Role.ACCOUNTS_MANAGER, devices::newForm));
        app.post("/console/devices", page(Role.ACCOUNTS_MANAGER, devices::create));
        app.get("/console/devices/{posId}", page(Role.ACCOUNTS_USER, devices::form));
        app.post("/console/devices/{posId}", page(Role.ACCOUNTS_MANAGER, devices::save));
        app.post("/console/devices/{posId}/link-code", page(Role.ACCOUNTS_MANAGER, devices::linkCode));
        app.post("/console/devices/{posId}/unlink", page(Role.ACCOUNTS_MANAGER, devices::unlink));

        app.get("/console/sync", page(Role.ACCOUNTS_USER, sync::page));
        app.get("/console/sync.csv", page(Role.ACCOUNTS_USER, sync::csv));

        app.get("/console/reconciliation", page(Role.ACCOUNTS_USER, reconciliation::page));
        app.post("/console/flags/{uuid}/reviewed", page(Role.ACCOUNTS_MANAGER, reconciliation::markReviewed));

        app.get("/console/upload", page(Role.ACCOUNTS_USER, upload::page));
        app.post("/console/upload", page(Role.ACCOUNTS_MANAGER, upload::upload));

        app.get("/console/users", page(Role.SYSTEM_MANAGER, users::list));
        app.post("/console/users", page(Role.SYSTEM_MANAGER, users::create));
    }

    private void signIn(Context ctx) {
        ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
        String email = ctx.formParam("email");
        try {
            auth.signIn(ctx, email, ctx.formParam("password"));
            ctx.redirect("/console/devices", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind())).html(SignInPage.render(email, e.getMessage()));
        }
    }

    private Handler page(Role atLeast, Page p) {
        return ctx -> {
            ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
            Optional<ConsoleUser> user = auth.current(ctx);
            if (user.isEmpty()) {
                if (ctx.method() == HandlerType.GET) {
                    ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
                } else {
                    ctx.status(401).html(SignInPage.render(null, "Your session has ended; sign in again."));
                }
                return;
            }
            ConsoleUser u = user.get();
            if (ctx.method() == HandlerType.POST && !auth.csrfValid(ctx, u)) {
                ctx.status(403).html(Layout.page(u, Layout.Tab.NONE, "Refused",
                        "<h1>Refused</h1>" + Layout.notice("error", "This form has expired or did not come from this console. Reload the page and try again.")));
                return;
            }
            if (!u.can(atLeast)) {
                ctx.status(403).html(Layout.page(u, Layout.Tab.NONE, "Not allowed",
                        "<h1>Not allowed</h1>" + Layout.notice("error", "This needs the " + atLeast.label() + " role or higher; you are "
                                + u.role().label() + ".")));
                return;
            }
            try {
                p.handle(ctx, u);
            } catch (Refusal e) {
                ctx.status(RefusalStatus.of(e.kind())).html(Layout.page(u, Layout.Tab.NONE, "Error",
                        "<h1>Could not do that</h1>" + Layout.notice("error", e.getMessage())
                                + "<p><a href=\"javascript:history.back()\">Back</a></p>"));
            } catch (Exception e) {
                String id = UUID.randomUUID().toString();
                log.error("console {} {} failed (error id {}): {}", ctx.method(), ctx.path(), id, e.toString(), e);
                ctx.status(500).html(Layout.page(u, Layout.Tab.NONE, "Error", "<h1>Server error</h1>" + Layout.notice("error",
                        "The server failed on this request (error id " + id + "); nothing was half-written. Retry, and report the id if it persists.")));
            }
        };
    }
}
