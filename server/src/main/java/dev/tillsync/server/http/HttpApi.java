package dev.tillsync.server.http;

import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.ApiError;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.UnlinkComplete;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.TokenService;
import dev.tillsync.server.auth.UserDirectory;
import dev.tillsync.server.device.DeviceAuth;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API under /api/v1. Every error is JSON {error, message}; handlers stay thin over the services. */
public final class HttpApi {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String P = "/api/v1";
    private static final long SMALL = Limits.SMALL_BODY_BYTES, PUSH = Limits.PUSH_BODY_BYTES, IMPORT = Limits.IMPORT_FILE_BYTES;
    private static final String ERROR_WRITTEN = "tillsync.error";

    private final Services s;
    private final Bodies bodies = new Bodies();
    private final Access access;

    public HttpApi(Services services) {
        this.s = services;
        this.access = new Access(services.tokens());
    }

    public Javalin create() {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;   // Java 25: one virtual thread per request, no pool to size
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = IMPORT;
        });
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
        app.exception(Refusal.class, (e, ctx) -> error(ctx, RefusalStatus.of(e.kind()), e.code(), e.getMessage()));
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

        app.get(P + "/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.post(P + "/auth/login", this::login);

        app.get(P + "/users", ctx -> {
            access.require(ctx, Role.SYSTEM_MANAGER);
            ctx.json(s.users().list());
        });
        app.post(P + "/users", ctx -> {
            access.require(ctx, Role.SYSTEM_MANAGER);
            UserDirectory.NewUser u = bodies.json(ctx, UserDirectory.NewUser.class, SMALL);
            ctx.status(201).json(s.users().create(u));
        });

        app.get(P + "/devices", ctx -> {
            access.require(ctx, Role.ACCOUNTS_USER);
            ctx.json(s.devices().list());
        });
        app.post(P + "/devices", ctx -> {
            access.require(ctx, Role.ACCOUNTS_MANAGER);
            DeviceView spec = bodies.json(ctx, DeviceView.class, SMALL);
            ctx.status(201).json(s.devices().create(spec));
        });
        app.get(P + "/devices/{posId}", ctx -> {
            access.require(ctx, Role.ACCOUNTS_USER);
            ctx.json(s.devices().get(ctx.pathParam("posId")));
        });
        app.put(P + "/devices/{posId}", ctx -> {
            access.require(ctx, Role.ACCOUNTS_MANAGER);
            DeviceView spec = bodies.json(ctx, DeviceView.class, SMALL);
            ctx.json(s.devices().update(ctx.pathParam("posId"), spec));
        });
        app.delete(P + "/devices/{posId}", ctx -> {
            access.require(ctx, Role.ACCOUNTS_MANAGER);
            s.devices().delete(ctx.pathParam("posId"));
            ctx.status(204);
        });
        app.post(P + "/devices/{posId}/link-code", ctx -> {
            access.require(ctx, Role.ACCOUNTS_MANAGER);
            ctx.status(201).json(s.links().issueCode(ctx.pathParam("posId")));
        });
        app.post(P + "/devices/{posId}/unlink", ctx -> {
            access.require(ctx, Role.ACCOUNTS_MANAGER);
            byte[] body = bodies.bytes(ctx, SMALL);
            boolean force = body.length > 0 && optionalJson(body, UnlinkRequest.class).force();
            ctx.json(Map.of("posId", ctx.pathParam("posId"), "connectionStatus", s.links().unlink(ctx.pathParam("posId"), force)));
        });
        app.get(P + "/devices/{posId}/sync-status", ctx -> {
            access.require(ctx, Role.ACCOUNTS_USER);
            ctx.json(s.syncStatus().forDevice(ctx.pathParam("posId"), ctx.queryParam("outcome")));
        });

        app.post(P + "/terminal/link", ctx -> ctx.json(s.links().link(bodies.json(ctx, LinkRequest.class, SMALL))));
        app.post(P + "/terminal/unlink-complete", ctx -> {
            DeviceRecord d = device(ctx);
            s.links().unlinkComplete(d, bodies.json(ctx, UnlinkComplete.class, SMALL));
            ctx.json(Map.of("posId", d.posId(), "connectionStatus", "Unlinked"));
        });
        app.post(P + "/sync/push", ctx -> {
            DeviceRecord d = device(ctx);
            ctx.json(s.push().push(d, bodies.json(ctx, PushBatch.class, PUSH)));
        });
        app.get(P + "/sync/pull", ctx -> {
            DeviceRecord d = device(ctx);
            ctx.json(s.pull().page(d, ctx.queryParam("cursor"), intParam(ctx, "limit")));
        });
        app.post(P + "/imports", ctx -> {
            String onlyPosId = null;
            if (DeviceAuth.isDeviceAuth(ctx.header(SyncHeaders.AUTHORIZATION))) {
                onlyPosId = device(ctx).posId();
            } else {
                access.require(ctx, Role.ACCOUNTS_MANAGER);
            }
            ctx.json(s.imports().importFile(bodies.bytes(ctx, IMPORT), onlyPosId));
        });

        app.get(P + "/reports/reconciliation", ctx -> {
            access.require(ctx, Role.ACCOUNTS_USER);
            ctx.json(s.reconciliation().report(ctx.queryParam("posId"), ctx.queryParam("from"), ctx.queryParam("to")));
        });
        app.post(P + "/reports/flags/{uuid}/reviewed", ctx -> {
            TokenService.Session who = access.require(ctx, Role.ACCOUNTS_MANAGER);
            ctx.json(s.syncStatus().markReviewed(ctx.pathParam("uuid"), who.email()));
        });
        return app;
    }

    record LoginRequest(String email, String password) {}

    record UnlinkRequest(boolean force) {}

    private void login(Context ctx) {
        LoginRequest r = bodies.json(ctx, LoginRequest.class, SMALL);
        ctx.json(s.tokens().login(r.email(), r.password()));
    }

    private <T> T optionalJson(byte[] body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (Exception e) {
            throw ApiException.badRequest("invalid_request", "The body must be JSON like {\"force\": true}.");
        }
    }

    private DeviceRecord device(Context ctx) {
        return s.deviceAuth().authenticate(ctx.header(SyncHeaders.POS_ID), ctx.header(SyncHeaders.AUTHORIZATION));
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

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(new ApiError(code, message));
    }
}
