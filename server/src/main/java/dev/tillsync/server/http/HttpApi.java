package dev.tillsync.server.http;

import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.ApiError;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Throttled;
import dev.tillsync.server.db.DatabaseFailure;
import dev.tillsync.server.db.DatabaseOutage;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under /api/v1 (routes and their roles: {@link ApiRoutes}). Every error is JSON {error, message}:
 * a refusal gets the status of its kind, anything unexpected a 500 with an error id that is also logged.
 */
public final class HttpApi {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String ERROR_WRITTEN = "tillsync.error";

    /** What a 503 for an unreachable database tells the caller to wait before it retries. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 5;
    /** What a 503 for a pool that stayed busy tells the caller to wait. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final Services s;
    private final DatabaseOutage outage;
    private final int minSyncProtocol;

    /**
     * {@code outage}: the database's reachability, from {@link dev.tillsync.server.db.Database#outage()};
     * {@code minSyncProtocol}: the oldest till protocol served ({@link dev.tillsync.core.sync.SyncProtocol}).
     */
    public HttpApi(Services services, DatabaseOutage outage, int minSyncProtocol) {
        this.s = services;
        this.outage = outage;
        this.minSyncProtocol = minSyncProtocol;
    }

    /**
     * Creates the app with the API's routes and error mapping; {@code more} adds further routes (the console)
     * before it starts: Javalin 7 takes every route up front, in the config.
     */
    public Javalin create(Consumer<RoutesConfig> more) {
        return create(more, cfg -> { });
    }

    /** As {@link #create(Consumer)}; {@code transport} sets how it listens (HTTPS: {@code tls.HttpsConnector}). */
    public Javalin create(Consumer<RoutesConfig> more, Consumer<JavalinConfig> transport) {
        return Javalin.create(cfg -> {
            transport.accept(cfg);
            cfg.startup.showJavalinBanner = false;
            // Java 25: each request on its own virtual thread (Jetty 12), no request pool to size; the database
            // pool (Hikari) is what bounds concurrent work.
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = Limits.IMPORT_FILE_BYTES;
            cfg.routes.before(SecurityHeaders::apply);
            errors(cfg.routes);
            new ApiRoutes(s, outage, new ProtocolGate(minSyncProtocol)).register(cfg.routes);
            more.accept(cfg.routes);
        });
    }

    private void errors(RoutesConfig app) {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
        app.exception(Refusal.class, (e, ctx) -> {
            if (e instanceof Throttled t) ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
            error(ctx, RefusalStatus.of(e.kind()), e.code(), e.getMessage());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                switch (e.getStatus()) {
                    case 400 -> "invalid_request";
                    case 404 -> "not_found";
                    case 405 -> "method_not_allowed";
                    case 413 -> "body_too_large";
                    default -> "http_" + e.getStatus();
                }, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            var dbFailure = DatabaseFailure.of(e);
            if (dbFailure.isPresent()) {
                databaseUnavailable(ctx, dbFailure.get(), e);
                return;
            }
            String id = UUID.randomUUID().toString();
            log.error("request {} {} failed (error id {}): {}", ctx.method(), ctx.path(), id, e.toString(), e);
            error(ctx, 500, "internal_error", "The server failed on this request (error id " + id + "); nothing was half-written. Retry, and report the id if it persists.");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) error(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path());
        });
        app.error(405, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
        });
    }

    /**
     * The database failed, not the request: 503 with Retry-After, and the transaction was rolled back with its
     * connection, so nothing is half-written and a resend is safe (ingest is idempotent).
     */
    private void databaseUnavailable(Context ctx, DatabaseFailure failure, Exception e) {
        if (failure == DatabaseFailure.UNREACHABLE) {
            outage.reportUnreachable(e);
            ctx.header("Retry-After", Long.toString(DATABASE_RETRY_AFTER_SECONDS));
            String message = "The server cannot reach its database right now; nothing was written."
                    + " Retry in a few seconds: a till keeps its unsent transactions and resends them by itself.";
            if (ctx.path().startsWith(ApiRoutes.P + "/")) {
                error(ctx, 503, "database_unavailable", message);
            } else {
                // a console page: a person in a browser, who should see a page, not JSON
                ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
                ctx.status(503).html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Back office unavailable"
                        + "</title></head><body><h1>The back office cannot reach its database</h1><p>" + message
                        + "</p><p>Reload this page in a moment. If this stays, check that PostgreSQL is running.</p></body></html>");
            }
        } else {
            log.warn("request {} {}: no database connection free within the pool's wait; answered 503 server_busy"
                    + " (raise --db-pool-size if this repeats)", ctx.method(), ctx.path());
            ctx.header("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
            error(ctx, 503, "server_busy", "The server is busy; nothing was written. Retry in a moment.");
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(new ApiError(code, message));
    }
}
