package dev.tillsync.server.http;

import static dev.tillsync.server.auth.Role.ACCOUNTS_MANAGER;
import static dev.tillsync.server.auth.Role.ACCOUNTS_USER;
import static dev.tillsync.server.auth.Role.SYSTEM_MANAGER;
import static dev.tillsync.server.http.Caller.ANYONE;
import static dev.tillsync.server.http.Caller.DEVICE;

import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.UnlinkComplete;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.db.DatabaseOutage;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.ingest.ResendCheck;
import dev.tillsync.server.master.items.CatalogLists;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The routes under /api/v1, each with the roles that may call it, in one table: a user role means "this role or
 * a stronger one" (the seed's permission table). {@link Access} checks them before any handler runs, so the
 * handlers below only read the caller it stored and stay thin over the services.
 */
final class ApiRoutes {
    static final String P = "/api/v1";

    private final Services s;
    private final DatabaseOutage outage;
    private final Bodies bodies = new Bodies();
    private final Access access;

    private final ProtocolGate protocol;

    ApiRoutes(Services services, DatabaseOutage outage, ProtocolGate protocol) {
        this.s = services;
        this.outage = outage;
        this.protocol = protocol;
        this.access = new Access(services.tokens(), services.deviceAuth());
    }

    void register(RoutesConfig app) {
        // the version first: a till too old or too new is told what to update whatever else is wrong with its call
        app.beforeMatched(P + "/*", protocol::check);
        app.beforeMatched(P + "/*", access::check);

        app.get(P + "/health", this::health, ANYONE);
        app.post(P + "/auth/login", this::login, ANYONE);

        app.get(P + "/users", ctx -> ctx.json(s.users().list()), SYSTEM_MANAGER);
        app.post(P + "/users", this::createUser, SYSTEM_MANAGER);

        app.get(P + "/devices", ctx -> ctx.json(s.devices().list()), ACCOUNTS_USER);
        app.post(P + "/devices", this::createDevice, ACCOUNTS_MANAGER);
        app.get(P + "/devices/{posId}", ctx -> ctx.json(s.devices().get(ctx.pathParam("posId"))), ACCOUNTS_USER);
        app.put(P + "/devices/{posId}", this::updateDevice, ACCOUNTS_MANAGER);
        app.delete(P + "/devices/{posId}", this::deleteDevice, ACCOUNTS_MANAGER);
        app.post(P + "/devices/{posId}/link-code", this::issueLinkCode, ACCOUNTS_MANAGER);
        app.post(P + "/devices/{posId}/unlink", this::unlink, ACCOUNTS_MANAGER);
        app.get(P + "/devices/{posId}/sync-status", this::syncStatus, ACCOUNTS_USER);

        app.post(P + "/terminal/link", this::link, ANYONE);
        app.post(P + "/terminal/unlink-complete", this::unlinkComplete, DEVICE);
        app.post(P + "/sync/push", this::push, DEVICE);
        app.get(P + "/sync/pull", this::pull, DEVICE);
        app.post(P + "/imports", this::importFile, DEVICE, ACCOUNTS_MANAGER);
        app.post(P + "/imports/catalog", this::importCatalog, ACCOUNTS_MANAGER);
        app.get(P + "/exports/catalog", this::exportCatalog, ACCOUNTS_USER);
        app.post(P + "/imports/stock", ctx -> importCsv(ctx, new dev.tillsync.server.imports.csv.StockImport(s.jdbi(), s.feed())::run), ACCOUNTS_MANAGER);
        app.get(P + "/exports/stock", ctx -> exportCsv(ctx, "stock.csv", new dev.tillsync.server.imports.csv.StockExport(s.jdbi()).csv()), ACCOUNTS_USER);
        app.post(P + "/imports/customers", ctx -> importCsv(ctx, new dev.tillsync.server.imports.csv.CustomerImport(s.jdbi(), s.feed(), s.audit())::run), ACCOUNTS_MANAGER);
        app.get(P + "/exports/customers", ctx -> exportCsv(ctx, "customers.csv", new dev.tillsync.server.imports.csv.CustomerExport(s.jdbi()).csv()), ACCOUNTS_USER);

        new MasterRoutes(s, bodies).register(app);
        new StockRoutes(s, bodies).register(app);
        app.get(P + "/items", this::listItems, ACCOUNTS_USER);
        app.post(P + "/items", ctx -> ctx.status(201).json(s.itemEditor().create(actor(ctx), itemSpec(ctx))), ACCOUNTS_MANAGER);
        app.get(P + "/items/{code}", ctx -> ctx.json(s.items().get(ctx.pathParam("code"))), ACCOUNTS_USER);
        app.put(P + "/items/{code}", ctx -> ctx.json(s.itemEditor().update(actor(ctx), ctx.pathParam("code"), itemSpec(ctx), ifMatch(ctx))), ACCOUNTS_MANAGER);
        app.delete(P + "/items/{code}", ctx -> ctx.json(java.util.Map.of("item", s.itemEditor().disable(actor(ctx), ctx.pathParam("code"), ifMatch(ctx)),
                "message", "Item " + ctx.pathParam("code") + " was disabled, not deleted: invoices refer to it; set active to true to sell it again.")), ACCOUNTS_MANAGER);
        app.get(P + "/items/{code}/history", ctx -> ctx.json(s.itemEditor().history(ctx.pathParam("code"))), ACCOUNTS_USER);

        app.get(P + "/categories", ctx -> ctx.json(s.catalogLists().categories()), ACCOUNTS_USER);
        app.post(P + "/categories", ctx -> ctx.status(201).json(s.catalogLists().saveCategory(actor(ctx), null, body(ctx, CatalogLists.Category.class))), ACCOUNTS_MANAGER);
        app.get(P + "/categories/{name}", ctx -> ctx.json(s.catalogLists().category(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/categories/{name}", ctx -> ctx.json(s.catalogLists().saveCategory(actor(ctx), ctx.pathParam("name"), body(ctx, CatalogLists.Category.class))), ACCOUNTS_MANAGER);
        app.get(P + "/taxes", ctx -> ctx.json(s.catalogLists().taxes()), ACCOUNTS_USER);
        app.post(P + "/taxes", ctx -> ctx.status(201).json(s.catalogLists().saveTax(actor(ctx), null, body(ctx, CatalogLists.Tax.class))), ACCOUNTS_MANAGER);
        app.get(P + "/taxes/{name}", ctx -> ctx.json(s.catalogLists().tax(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/taxes/{name}", ctx -> ctx.json(s.catalogLists().saveTax(actor(ctx), ctx.pathParam("name"), body(ctx, CatalogLists.Tax.class))), ACCOUNTS_MANAGER);
        app.get(P + "/price-lists", ctx -> ctx.json(s.catalogLists().priceLists()), ACCOUNTS_USER);
        app.post(P + "/price-lists", ctx -> ctx.status(201).json(s.catalogLists().savePriceList(actor(ctx), null, body(ctx, CatalogLists.PriceList.class))), ACCOUNTS_MANAGER);
        app.get(P + "/price-lists/{name}", ctx -> ctx.json(s.catalogLists().priceList(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/price-lists/{name}", ctx -> ctx.json(s.catalogLists().savePriceList(actor(ctx), ctx.pathParam("name"), body(ctx, CatalogLists.PriceList.class))), ACCOUNTS_MANAGER);

        app.get(P + "/reports/reconciliation", this::reconciliation, ACCOUNTS_USER);
        app.post(P + "/reports/flags/{uuid}/reviewed", this::markReviewed, ACCOUNTS_MANAGER);
        new SalesRoutes(s).register(app);
    }

    record LoginRequest(String email, String password) {}

    record UnlinkRequest(boolean force) {}

    /**
     * Never touches the database, so it answers at once whatever state PostgreSQL is in: 200 {status: ok} while the
     * database is reachable, 503 {status: unavailable} while it is not (a till then counts itself offline and keeps
     * selling).
     */
    private void health(Context ctx) {
        var down = outage.downSince();
        if (down.isEmpty()) {
            ctx.json(Map.of("status", "ok", "database", "up"));
        } else {
            ctx.header("Retry-After", Long.toString(HttpApi.DATABASE_RETRY_AFTER_SECONDS));
            ctx.status(503).json(Map.of("status", "unavailable", "database", "down", "since", down.get().toString()));
        }
    }

    private void login(Context ctx) {
        LoginRequest r = bodies.json(ctx, LoginRequest.class, Limits.SMALL_BODY_BYTES);
        ctx.json(s.tokens().login(r.email(), r.password(), ctx.ip()));
    }

    private void createUser(Context ctx) {
        BackOfficeUsers.NewUser u = bodies.json(ctx, BackOfficeUsers.NewUser.class, Limits.SMALL_BODY_BYTES);
        ctx.status(201).json(s.users().create(u));
    }

    private void createDevice(Context ctx) {
        DeviceView spec = bodies.json(ctx, DeviceView.class, Limits.SMALL_BODY_BYTES);
        ctx.status(201).json(s.devices().create(spec));
    }

    private void updateDevice(Context ctx) {
        DeviceView spec = bodies.json(ctx, DeviceView.class, Limits.SMALL_BODY_BYTES);
        ctx.json(s.devices().update(ctx.pathParam("posId"), spec));
    }

    private void deleteDevice(Context ctx) {
        s.devices().delete(ctx.pathParam("posId"));
        ctx.status(204);
    }

    private void issueLinkCode(Context ctx) {
        ctx.status(201).json(s.links().issueCode(ctx.pathParam("posId")));
    }

    private void unlink(Context ctx) {
        byte[] body = bodies.bytes(ctx, Limits.SMALL_BODY_BYTES);
        boolean force = body.length > 0 && optionalJson(body, UnlinkRequest.class).force();
        ctx.json(Map.of("posId", ctx.pathParam("posId"), "connectionStatus", s.links().unlink(ctx.pathParam("posId"), force)));
    }

    private void syncStatus(Context ctx) {
        onlyQueryParams(ctx, "outcome");
        ctx.json(s.syncStatus().forDevice(ctx.pathParam("posId"), ctx.queryParam("outcome")));
    }

    private void link(Context ctx) {
        ctx.json(s.links().link(bodies.json(ctx, LinkRequest.class, Limits.SMALL_BODY_BYTES)));
    }

    private void unlinkComplete(Context ctx) {
        DeviceRecord d = Access.device(ctx);
        s.links().unlinkComplete(d, bodies.json(ctx, UnlinkComplete.class, Limits.SMALL_BODY_BYTES));
        ctx.json(Map.of("posId", d.posId(), "connectionStatus", "Unlinked"));
    }

    private void push(Context ctx) {
        Long clockOffset = clockOffset(ctx.header(SyncHeaders.CLOCK_OFFSET));
        DeviceRecord device = Access.device(ctx);
        Long syncedThrough = wantsFeature(ctx, SyncHeaders.RESEND) ? ResendCheck.syncedThrough(ctx.header(SyncHeaders.SYNCED_THROUGH)) : null;
        PushBatch batch = bodies.json(ctx, PushBatch.class, Limits.PUSH_BODY_BYTES);
        // what the server held before this batch: the batch's own rows must not hide a gap below them
        long held = syncedThrough == null ? 0 : s.push().highWater(device).seq();
        PushResult result = s.push().push(device, batch, wantsHighWater(ctx), clockOffset);
        Long resend = ResendCheck.resendAfter(device, held, syncedThrough);
        ctx.json(resend == null ? result : result.withResendAfter(resend));
    }

    /** The push's X-Clock-Offset-Ms (the till's clock minus the server's), null when absent; refused when not a sane number. */
    private static Long clockOffset(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            long ms = Long.parseLong(header.trim());
            if (Math.abs(ms) <= Limits.CLOCK_OFFSET_MAX_MS) return ms;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("invalid_clock_offset", SyncHeaders.CLOCK_OFFSET + " must be whole milliseconds within ±"
                + Limits.CLOCK_OFFSET_MAX_MS / 86_400_000L + " days (the till's clock minus the server's); nothing was applied.");
    }

    private void pull(Context ctx) {
        DeviceRecord device = Access.device(ctx);
        PullPage page = s.pull().page(device, ctx.queryParam("cursor"), intParam(ctx, "limit"), wantsFeature(ctx, SyncHeaders.MASTER_V2),
                wantsFeature(ctx, SyncHeaders.SALE_V2));
        Long syncedThrough = wantsFeature(ctx, SyncHeaders.RESEND) ? ResendCheck.syncedThrough(ctx.header(SyncHeaders.SYNCED_THROUGH)) : null;
        dev.tillsync.core.sync.HighWater marks = wantsHighWater(ctx) || syncedThrough != null ? s.push().highWater(device) : null;
        if (wantsHighWater(ctx)) page = page.withHighWater(marks);
        Long resend = syncedThrough == null ? null : ResendCheck.resendAfter(device, marks.seq(), syncedThrough);
        ctx.json(resend == null ? page : page.withResendAfter(resend));
    }

    /** A till that names the feature gets the device's high-water marks; an older one, which would refuse the field, does not. */
    private static boolean wantsHighWater(Context ctx) {
        return wantsFeature(ctx, SyncHeaders.HIGH_WATER);
    }

    private static boolean wantsFeature(Context ctx, String feature) {
        String features = ctx.header(SyncHeaders.FEATURES);
        return features != null && java.util.Arrays.stream(features.split(",")).map(String::trim).anyMatch(feature::equals);
    }

    /** A device may import only its own file; an Accounts Manager any device's. */
    private void importFile(Context ctx) {
        String onlyPosId = Access.callingDevice(ctx).map(DeviceRecord::posId).orElse(null);
        ctx.json(s.imports().importFile(bodies.bytes(ctx, Limits.IMPORT_FILE_BYTES), onlyPosId));
    }

    /** The catalogue CSV, all or nothing: 200 with the counts when it applied (or would, dry run), 422 with every refused row. */
    private void importCatalog(Context ctx) {
        onlyQueryParams(ctx, "dryRun");
        boolean dryRun = "true".equals(ctx.queryParam("dryRun"));
        var r = new dev.tillsync.server.imports.csv.CatalogImport(s.jdbi(), s.catalog().itemFeed())
                .run(bodies.bytes(ctx, Limits.CSV_IMPORT_BYTES), Access.session(ctx).email(), dryRun);
        if (r.refused().isEmpty()) ctx.json(r);
        else ctx.status(422).json(ImportRefusal.of(r, dryRun));
    }

    private void exportCatalog(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"catalog.csv\"")
                .result(new dev.tillsync.server.imports.csv.CatalogExport(s.jdbi()).csv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A stock or customers CSV, answered like the catalogue's: 200 with the counts (and the first changes), 422 with every refused row. */
    private void importCsv(Context ctx, dev.tillsync.server.imports.csv.CsvImport run) {
        onlyQueryParams(ctx, "dryRun");
        boolean dryRun = "true".equals(ctx.queryParam("dryRun"));
        var r = run.run(bodies.bytes(ctx, Limits.CSV_IMPORT_BYTES), Access.session(ctx).email(), dryRun);
        if (r.refused().isEmpty()) ctx.json(r);
        else ctx.status(422).json(ImportRefusal.Csv.of(r, dryRun));
    }

    private static void exportCsv(Context ctx, String filename, String csv) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .result(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void reconciliation(Context ctx) {
        onlyQueryParams(ctx, "posId", "from", "to");
        ctx.json(s.reconciliation().report(ctx.queryParam("posId"), ctx.queryParam("from"), ctx.queryParam("to")));
    }

    private void markReviewed(Context ctx) {
        ctx.json(s.syncStatus().markReviewed(ctx.pathParam("uuid"), Access.session(ctx).email()));
    }

    private void listItems(Context ctx) {
        onlyQueryParams(ctx, "q", "category", "active", "offset", "limit");
        Integer offset = intParam(ctx, "offset"), limit = intParam(ctx, "limit");
        String active = ctx.queryParam("active");
        ctx.json(s.items().list(ctx.queryParam("q"), ctx.queryParam("category"),
                active == null || active.isBlank() ? null : Boolean.valueOf(active.trim()),
                offset == null ? 0 : offset, limit == null ? 50 : limit));
    }

    private dev.tillsync.server.master.items.ItemView.Spec itemSpec(Context ctx) {
        return bodies.json(ctx, dev.tillsync.server.master.items.ItemView.Spec.class, Limits.SMALL_BODY_BYTES);
    }

    private <T> T body(Context ctx, Class<T> type) {
        return bodies.json(ctx, type, Limits.SMALL_BODY_BYTES);
    }

    private static String actor(Context ctx) {
        return Access.session(ctx).email();
    }

    /** The If-Match header's version ("3" or the quoted "\"3\""), null when absent. */
    private static Integer ifMatch(Context ctx) {
        String v = ctx.header("If-Match");
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.parseInt(v.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_if_match", "If-Match must be the item's version number, e.g. \"3\".");
        }
    }

    private <T> T optionalJson(byte[] body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (Exception e) {
            throw ApiException.badRequest("invalid_request", "The body must be JSON like {\"force\": true}.");
        }
    }

    /**
     * Refuses a query parameter the report does not take: ignoring {@code ?pos=} answered every device's figures as
     * if they were one device's, a wrong answer that looks right.
     */
    private static void onlyQueryParams(Context ctx, String... known) {
        java.util.List<String> allowed = java.util.List.of(known);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown_parameter", "Unknown query parameter '" + name + "'; this report takes "
                        + String.join(", ", allowed) + ".");
            }
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
