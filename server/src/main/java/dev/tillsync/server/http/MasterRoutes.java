package dev.tillsync.server.http;

import static dev.tillsync.server.auth.Role.ACCOUNTS_MANAGER;
import static dev.tillsync.server.auth.Role.ACCOUNTS_USER;
import static dev.tillsync.server.auth.Role.SYSTEM_MANAGER;

import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import dev.tillsync.server.master.staff.StaffService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shop-setup routes under /api/v1 (profiles, payment modes, shift types, customers, staff, settings), with the
 * seed's roles: Accounts User reads, Accounts Manager writes (cashiers included), System Manager the settings.
 * A disable is an update with active=false (records are never deleted). The version read comes in the body's
 * {@code version} or in If-Match.
 */
final class MasterRoutes {
    private static final String P = ApiRoutes.P;

    private final Services s;
    private final Bodies bodies;

    MasterRoutes(Services services, Bodies bodies) {
        this.s = services;
        this.bodies = bodies;
    }

    /** The server settings; on PUT a field left out (null) is left as it is. */
    record Settings(String timeZone, Integer storeInvoiceDays) {}

    void register(RoutesConfig app) {
        app.get(P + "/profiles", ctx -> ctx.json(s.profiles().list(ctx.queryParam("q"), intParam(ctx, "offset"), intParam(ctx, "limit"))), ACCOUNTS_USER);
        app.post(P + "/profiles", ctx -> ctx.status(201).json(s.profiles().create(actor(ctx), body(ctx, ProfileService.Spec.class))), ACCOUNTS_MANAGER);
        app.get(P + "/profiles/{name}", ctx -> ctx.json(s.profiles().get(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/profiles/{name}", ctx -> {
            ProfileService.Spec b = body(ctx, ProfileService.Spec.class);
            ctx.json(s.profiles().update(actor(ctx), ctx.pathParam("name"), new ProfileService.Spec(b.name(), b.warehouse(), b.priceList(),
                    b.paymentModes(), b.taxTemplate(), b.receiptHeader(), b.receiptFooter(), b.sellerName(), b.sellerTaxNumber(),
                    b.cashRounding(), b.maxDiscountPercent(), b.pullIntervalSeconds(), b.scaleLayout(), b.noScaleLayout(), b.active(),
                    version(ctx, b.version()), b.receiptLogo())));
        }, ACCOUNTS_MANAGER);

        app.get(P + "/payment-modes", ctx -> ctx.json(s.paymentModes().list(ctx.queryParam("q"), intParam(ctx, "offset"), intParam(ctx, "limit"))), ACCOUNTS_USER);
        app.post(P + "/payment-modes", ctx -> ctx.status(201).json(s.paymentModes().create(actor(ctx), body(ctx, PaymentModeService.Spec.class))), ACCOUNTS_MANAGER);
        app.get(P + "/payment-modes/{name}", ctx -> ctx.json(s.paymentModes().get(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/payment-modes/{name}", ctx -> {
            PaymentModeService.Spec b = body(ctx, PaymentModeService.Spec.class);
            ctx.json(s.paymentModes().update(actor(ctx), ctx.pathParam("name"), new PaymentModeService.Spec(b.name(), b.type(),
                    b.opensDrawer(), b.requiresReference(), b.active(), version(ctx, b.version()))));
        }, ACCOUNTS_MANAGER);

        app.get(P + "/shift-types", ctx -> ctx.json(s.shiftTypes().list(ctx.queryParam("q"), intParam(ctx, "offset"), intParam(ctx, "limit"))), ACCOUNTS_USER);
        app.post(P + "/shift-types", ctx -> ctx.status(201).json(s.shiftTypes().create(actor(ctx), body(ctx, ShiftTypeService.Spec.class))), ACCOUNTS_MANAGER);
        app.get(P + "/shift-types/{name}", ctx -> ctx.json(s.shiftTypes().get(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/shift-types/{name}", ctx -> {
            ShiftTypeService.Spec b = body(ctx, ShiftTypeService.Spec.class);
            ctx.json(s.shiftTypes().update(actor(ctx), ctx.pathParam("name"), new ShiftTypeService.Spec(b.name(), b.startTime(),
                    b.endTime(), b.active(), version(ctx, b.version()))));
        }, ACCOUNTS_MANAGER);

        app.get(P + "/customers", ctx -> ctx.json(s.customers().list(ctx.queryParam("q"), intParam(ctx, "offset"), intParam(ctx, "limit"))), ACCOUNTS_USER);
        app.post(P + "/customers", ctx -> ctx.status(201).json(s.customers().create(actor(ctx), body(ctx, CustomerService.Spec.class))), ACCOUNTS_MANAGER);
        app.get(P + "/customers/{number}", ctx -> ctx.json(s.customers().get(ctx.pathParam("number"))), ACCOUNTS_USER);
        app.put(P + "/customers/{number}", ctx -> {
            CustomerService.Spec b = body(ctx, CustomerService.Spec.class);
            ctx.json(s.customers().update(actor(ctx), ctx.pathParam("number"), new CustomerService.Spec(b.number(), b.name(), b.phone(),
                    b.email(), b.taxNumber(), b.priceList(), b.active(), version(ctx, b.version()))));
        }, ACCOUNTS_MANAGER);

        app.get(P + "/staff", ctx -> ctx.json(s.staff().list(ctx.queryParam("q"), intParam(ctx, "offset"), intParam(ctx, "limit"))), ACCOUNTS_USER);
        app.post(P + "/staff", ctx -> ctx.status(201).json(s.staff().create(actor(ctx), body(ctx, StaffService.Spec.class))), ACCOUNTS_MANAGER);
        app.get(P + "/staff/{login}", ctx -> ctx.json(s.staff().get(ctx.pathParam("login"))), ACCOUNTS_USER);
        app.put(P + "/staff/{login}", ctx -> {
            StaffService.Spec b = body(ctx, StaffService.Spec.class);
            ctx.json(s.staff().update(actor(ctx), ctx.pathParam("login"), new StaffService.Spec(b.name(), b.email(), b.pin(), b.active(),
                    version(ctx, b.version()))));
        }, ACCOUNTS_MANAGER);
        app.post(P + "/staff/{login}/pin", ctx -> ctx.json(s.staff().resetPin(actor(ctx), ctx.pathParam("login"), body(ctx, StaffService.Pin.class))), ACCOUNTS_MANAGER);
        app.put(P + "/staff/{login}/tills", ctx -> {
            StaffService.Tills b = body(ctx, StaffService.Tills.class);
            ctx.json(s.staff().assign(actor(ctx), ctx.pathParam("login"), new StaffService.Tills(b.tills(),
                    b.version() != null || ctx.header("If-Match") != null ? version(ctx, b.version()) : null)));
        }, ACCOUNTS_MANAGER);

        app.get(P + "/settings", ctx -> ctx.json(s.jdbi().withHandle(h -> new Settings(s.settings().timeZone(h).getId(),
                s.settings().storeInvoiceDays(h)))), ACCOUNTS_USER);
        app.get(P + "/settings/time-zones", ctx -> ctx.json(new TreeSet<>(ZoneId.getAvailableZoneIds())), ACCOUNTS_USER);
        app.put(P + "/settings", ctx -> {
            Settings b = body(ctx, Settings.class);
            if (b.timeZone() == null && b.storeInvoiceDays() == null) {
                throw ApiException.badRequest("invalid_request", "Give timeZone (e.g. \"Asia/Riyadh\") and/or storeInvoiceDays (e.g. 30).");
            }
            ctx.json(s.jdbi().inTransaction(h -> {
                if (b.timeZone() != null) {
                    ZoneId before = s.settings().timeZone(h);
                    ZoneId z = s.settings().setTimeZone(h, b.timeZone());
                    s.audit().record(h, actor(ctx), "setting", "time_zone", "update", Map.of("timeZone", before.getId()), Map.of("timeZone", z.getId()));
                }
                if (b.storeInvoiceDays() != null) {
                    int before = s.settings().storeInvoiceDays(h);
                    int days = s.settings().setStoreInvoiceDays(h, b.storeInvoiceDays());
                    s.audit().record(h, actor(ctx), "setting", "store_invoice_days", "update", Map.of("storeInvoiceDays", before),
                            Map.of("storeInvoiceDays", days));
                }
                return new Settings(s.settings().timeZone(h).getId(), s.settings().storeInvoiceDays(h));
            }));
        }, SYSTEM_MANAGER);
    }

    private <T> T body(Context ctx, Class<T> type) {
        return bodies.json(ctx, type, Limits.SMALL_BODY_BYTES);
    }

    private static String actor(Context ctx) {
        return Access.session(ctx).email();
    }

    /** The body's version, else If-Match ("3" or "W/\"3\""); null when neither (the service then asks for it). */
    private static Integer version(Context ctx, Integer fromBody) {
        if (fromBody != null) return fromBody;
        String m = ctx.header("If-Match");
        if (m == null || m.isBlank()) return null;
        String digits = m.replace("W/", "").replace("\"", "").trim();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_if_match", "If-Match must be the version you read, e.g. \"3\".");
        }
    }

    private static Integer intParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_" + name, name + " must be a whole number.");
        }
    }
}
