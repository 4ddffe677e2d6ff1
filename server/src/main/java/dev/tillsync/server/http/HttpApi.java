package dev.tillsync.server.http;

import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.ApiError;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Throttled;
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

    private final Services s;

    public HttpApi(Services services) {
        this.s = services;
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
            new ApiRoutes(s).register(cfg.routes);
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

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(new ApiError(code, message));
    }
}
