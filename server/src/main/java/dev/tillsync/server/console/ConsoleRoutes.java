package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.Throttled;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.config.RoutesConfig;
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
    private final Views views;
    private final DevicesController devices;
    private final SyncStatusController sync;
    private final ReconciliationController reconciliation;
    private final UploadController upload;
    private final UsersController users;
    private final StaffController staff;
    private final ProfilesController profiles;
    private final TodayController today;
    private final SalesController sales;
    private final ReportsController reports;
    private final ItemsController items;
    private final CategoriesController categories;
    private final TaxesController taxes;
    private final PriceListsController priceLists;
    private final StockController stock;
    private final PaymentModesController paymentModes;
    private final ShiftTypesController shiftTypes;
    private final CustomersController customers;
    private final ImportController imports;

    public ConsoleRoutes(Services services) {
        this(services, java.util.Optional.empty());
    }

    /** {@code tlsFingerprint}: the certificate tills pin, shown and put in the QR on the link-code page when the server runs TLS. */
    public ConsoleRoutes(Services services, java.util.Optional<dev.tillsync.core.tls.CertificateFingerprint> tlsFingerprint) {
        ConsoleQueries queries = new ConsoleQueries(services.jdbi());
        this.auth = new ConsoleAuth(services);
        this.views = new Views();
        this.devices = new DevicesController(services, queries, views, tlsFingerprint);
        this.sync = new SyncStatusController(services, queries, views);
        this.reconciliation = new ReconciliationController(services, queries, views);
        this.upload = new UploadController(services, queries, views);
        this.users = new UsersController(services, views);
        this.staff = new StaffController(services, views);
        this.profiles = new ProfilesController(services, views);
        this.today = new TodayController(services, views);
        this.sales = new SalesController(services, queries, views);
        this.reports = new ReportsController(services, queries, views);
        this.items = new ItemsController(services, views);
        this.categories = new CategoriesController(services, views);
        this.taxes = new TaxesController(services, views);
        this.priceLists = new PriceListsController(services, views);
        this.stock = new StockController(services, views);
        this.paymentModes = new PaymentModesController(services, views);
        this.shiftTypes = new ShiftTypesController(services, views);
        this.customers = new CustomersController(services, views);
        this.imports = new ImportController(services, views);
    }

    /** What a console page does once the user is known to be allowed. */
    @FunctionalInterface
    interface Page {
        void handle(Context ctx, ConsoleUser u) throws Exception;
    }

    public void register(RoutesConfig app) {
        app.get("/console", ctx -> ctx.redirect("/console/today", HttpStatus.SEE_OTHER));
        app.get("/console/assets/{name}", Assets::serve);
        app.get("/console/login", ctx -> {
            ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
            if (auth.current(ctx).isPresent()) {
                ctx.redirect("/console/today", HttpStatus.SEE_OTHER);
            } else {
                views.html(ctx, "signin", new SignInModel(null, null, auth.signInToken(ctx)));
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
        app.get("/console/import", page(Role.ACCOUNTS_USER, imports::page));
        app.post("/console/import/preview", page(Role.ACCOUNTS_MANAGER, imports::preview));
        app.post("/console/import/apply", page(Role.ACCOUNTS_MANAGER, imports::apply));

        app.get("/console/profiles", page(Role.ACCOUNTS_USER, profiles::list));
        app.get("/console/profiles/{name}", page(Role.ACCOUNTS_USER, profiles::form));
        app.post("/console/profiles/{name}", page(Role.ACCOUNTS_MANAGER, profiles::save));
        app.get("/console/staff", page(Role.ACCOUNTS_USER, staff::list));
        app.post("/console/staff", page(Role.ACCOUNTS_MANAGER, staff::create));
        app.get("/console/staff/{login}", page(Role.ACCOUNTS_USER, staff::form));
        app.post("/console/staff/{login}", page(Role.ACCOUNTS_MANAGER, staff::save));
        app.get("/console/settings", page(Role.ACCOUNTS_USER, staff::settings));
        app.post("/console/settings", page(Role.SYSTEM_MANAGER, staff::saveSettings));

        app.get("/console/today", page(Role.ACCOUNTS_USER, today::page));
        app.get("/console/sales", page(Role.ACCOUNTS_USER, sales::list));
        app.get("/console/sales/{number}", page(Role.ACCOUNTS_USER, sales::detail));
        app.get("/console/reports", page(Role.ACCOUNTS_USER, reports::page));
        app.get("/console/reports/daily.csv", page(Role.ACCOUNTS_USER, reports::dailyCsv));
        app.get("/console/reports/cashiers.csv", page(Role.ACCOUNTS_USER, reports::cashiersCsv));
        app.get("/console/stock", page(Role.ACCOUNTS_USER, stock::page));
        app.post("/console/stock/receipts", page(Role.ACCOUNTS_MANAGER, stock::receive));
        app.post("/console/stock/adjustments", page(Role.ACCOUNTS_MANAGER, stock::adjust));
        app.post("/console/stock/transfers", page(Role.ACCOUNTS_MANAGER, stock::transfer));
        app.get("/console/stock/stocktake", page(Role.ACCOUNTS_USER, stock::stocktake));
        app.post("/console/stock/stocktake", page(Role.ACCOUNTS_MANAGER, stock::stocktakePost));
        app.get("/console/stock/warehouses", page(Role.ACCOUNTS_USER, stock::warehouses));
        app.post("/console/stock/warehouses", page(Role.ACCOUNTS_MANAGER, stock::createWarehouse));
        app.post("/console/stock/warehouses/{name}", page(Role.ACCOUNTS_MANAGER, stock::saveWarehouse));
        app.get("/console/new-profile", page(Role.ACCOUNTS_MANAGER, profiles::newForm));
        app.post("/console/profiles", page(Role.ACCOUNTS_MANAGER, profiles::create));
        app.get("/console/payment-modes", page(Role.ACCOUNTS_USER, paymentModes::list));
        app.post("/console/payment-modes", page(Role.ACCOUNTS_MANAGER, paymentModes::create));
        app.get("/console/payment-modes/{name}", page(Role.ACCOUNTS_USER, paymentModes::form));
        app.post("/console/payment-modes/{name}", page(Role.ACCOUNTS_MANAGER, paymentModes::save));
        app.get("/console/shift-types", page(Role.ACCOUNTS_USER, shiftTypes::list));
        app.post("/console/shift-types", page(Role.ACCOUNTS_MANAGER, shiftTypes::create));
        app.get("/console/shift-types/{name}", page(Role.ACCOUNTS_USER, shiftTypes::form));
        app.post("/console/shift-types/{name}", page(Role.ACCOUNTS_MANAGER, shiftTypes::save));
        app.get("/console/customers", page(Role.ACCOUNTS_USER, customers::list));
        app.get("/console/new-customer", page(Role.ACCOUNTS_MANAGER, customers::newForm));
        app.post("/console/customers", page(Role.ACCOUNTS_MANAGER, customers::create));
        app.get("/console/customers/{number}", page(Role.ACCOUNTS_USER, customers::form));
        app.post("/console/customers/{number}", page(Role.ACCOUNTS_MANAGER, customers::save));

        app.get("/console/users", page(Role.SYSTEM_MANAGER, users::list));
        app.post("/console/users", page(Role.SYSTEM_MANAGER, users::create));

        app.get("/console/items", page(Role.ACCOUNTS_USER, items::list));
        app.get("/console/items/new", page(Role.ACCOUNTS_MANAGER, items::newForm));
        app.get("/console/items/edit", page(Role.ACCOUNTS_USER, items::edit));
        app.post("/console/items", page(Role.ACCOUNTS_MANAGER, items::create));
        app.post("/console/items/save", page(Role.ACCOUNTS_MANAGER, items::save));
        app.post("/console/items/disable", page(Role.ACCOUNTS_MANAGER, items::disable));
        app.get("/console/categories", page(Role.ACCOUNTS_USER, categories::page));
        app.post("/console/categories", page(Role.ACCOUNTS_MANAGER, categories::save));
        app.get("/console/taxes", page(Role.ACCOUNTS_USER, taxes::page));
        app.post("/console/taxes", page(Role.ACCOUNTS_MANAGER, taxes::save));
        app.get("/console/price-lists", page(Role.ACCOUNTS_USER, priceLists::page));
        app.post("/console/price-lists", page(Role.ACCOUNTS_MANAGER, priceLists::save));
    }

    private void signIn(Context ctx) {
        ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
        String email = ctx.formParam("email");
        if (!auth.signInCsrfValid(ctx)) {
            ctx.status(403);
            views.html(ctx, "signin", new SignInModel(email,
                    "This sign-in form has expired or did not come from this console; nothing was signed in. Sign in again on this page.",
                    auth.signInToken(ctx)));
            return;
        }
        try {
            auth.signIn(ctx, email, ctx.formParam("password"));
            ctx.redirect("/console/today", HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            if (e instanceof Throttled t) ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "signin", new SignInModel(email, e.getMessage(), auth.signInToken(ctx)));
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
                    ctx.status(401);
                    views.html(ctx, "signin", new SignInModel(null, "Your session has ended; sign in again.", auth.signInToken(ctx)));
                }
                return;
            }
            ConsoleUser u = user.get();
            if (ctx.method() == HandlerType.POST && !auth.csrfValid(ctx, u)) {
                message(ctx, 403, u, "Refused", "Refused",
                        "This form has expired or did not come from this console. Reload the page and try again.", false);
                return;
            }
            if (!u.can(atLeast)) {
                message(ctx, 403, u, "Not allowed", "Not allowed",
                        "This needs the " + atLeast.label() + " role or higher; you are " + u.role().label() + ".", false);
                return;
            }
            try {
                p.handle(ctx, u);
            } catch (Refusal e) {
                message(ctx, RefusalStatus.of(e.kind()), u, "Error", "Could not do that", e.getMessage(), true);
            } catch (Exception e) {
                String id = UUID.randomUUID().toString();
                log.error("console {} {} failed (error id {}): {}", ctx.method(), ctx.path(), id, e.toString(), e);
                message(ctx, 500, u, "Error", "Server error",
                        "The server failed on this request (error id " + id + "); nothing was half-written. Retry, and report the id if it persists.", false);
            }
        };
    }

    private void message(Context ctx, int status, ConsoleUser u, String title, String heading, String text, boolean backLink) {
        ctx.status(status);
        views.html(ctx, "message", new MessageModel(Frame.of(u, Frame.Tab.NONE, title), heading, text, backLink));
    }
}
