package dev.tillsync.server.http;

import static dev.tillsync.server.auth.Role.ACCOUNTS_MANAGER;
import static dev.tillsync.server.auth.Role.ACCOUNTS_USER;

import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.stock.Movement;
import dev.tillsync.server.stock.MovementResult;
import dev.tillsync.server.stock.MovementType;
import dev.tillsync.server.stock.StockMovements;
import dev.tillsync.server.stock.Warehouses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Stock and warehouses under /api/v1, with the seed's roles: Accounts User reads levels and the ledger, Accounts
 * Manager moves stock and edits warehouses. Each movement POST may name itself (Idempotency-Key header or the body's
 * movementId): a retry with the same name answers 200 with the first answer ({@code replayed: true}) and writes nothing.
 */
final class StockRoutes {
    private static final String P = ApiRoutes.P;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Services s;
    private final Bodies bodies;

    StockRoutes(Services services, Bodies bodies) {
        this.s = services;
        this.bodies = bodies;
    }

    /** The body of POST /stock/movements: a movement that names its type (the design's generic form). */
    record TypedMovement(String type, String movementId, String warehouse, String toWarehouse, String reason, String supplier,
                         String reference, Boolean allowNegative, List<Movement.Line> lines) {}

    void register(RoutesConfig app) {
        app.get(P + "/stock", this::levels, ACCOUNTS_USER);
        app.get(P + "/stock/movements", this::movements, ACCOUNTS_USER);
        app.post(P + "/stock/movements", ctx -> {
            TypedMovement t = bodies.json(ctx, TypedMovement.class, Limits.SMALL_BODY_BYTES);
            move(ctx, MovementType.parse(t.type()), new Movement(t.movementId(), t.warehouse(), t.toWarehouse(), t.reason(), t.supplier(),
                    t.reference(), t.allowNegative(), t.lines()));
        }, ACCOUNTS_MANAGER);
        app.post(P + "/stock/receipts", ctx -> move(ctx, MovementType.RECEIPT, movement(ctx)), ACCOUNTS_MANAGER);
        app.post(P + "/stock/adjustments", ctx -> move(ctx, MovementType.ADJUSTMENT, movement(ctx)), ACCOUNTS_MANAGER);
        app.post(P + "/stock/stocktakes", ctx -> move(ctx, MovementType.STOCKTAKE, movement(ctx)), ACCOUNTS_MANAGER);
        app.post(P + "/stock/transfers", ctx -> move(ctx, MovementType.TRANSFER, movement(ctx)), ACCOUNTS_MANAGER);

        app.get(P + "/warehouses", ctx -> {
            Queries.only(ctx, "q", "offset", "limit");
            ctx.json(s.warehouses().list(ctx.queryParam("q"), Queries.integer(ctx, "offset"), Queries.integer(ctx, "limit")));
        }, ACCOUNTS_USER);
        app.post(P + "/warehouses", ctx -> ctx.status(201).json(s.warehouses().create(actor(ctx), warehouse(ctx))), ACCOUNTS_MANAGER);
        app.get(P + "/warehouses/{name}", ctx -> ctx.json(s.warehouses().get(ctx.pathParam("name"))), ACCOUNTS_USER);
        app.put(P + "/warehouses/{name}", ctx -> {
            Warehouses.Spec b = warehouse(ctx);
            ctx.json(s.warehouses().update(actor(ctx), ctx.pathParam("name"), new Warehouses.Spec(b.name(), b.active(), version(ctx, b.version()))));
        }, ACCOUNTS_MANAGER);
        app.delete(P + "/warehouses/{name}", ctx -> ctx.json(Map.of(
                "warehouse", s.warehouses().update(actor(ctx), ctx.pathParam("name"), new Warehouses.Spec(null, false, version(ctx, null))),
                "message", "Warehouse " + ctx.pathParam("name") + " was disabled, not deleted: its ledger stays; set active to true to use it again.")),
                ACCOUNTS_MANAGER);
    }

    private void levels(Context ctx) {
        Queries.only(ctx, "warehouse", "item", "q", "page", "offset", "limit");
        Integer limit = Queries.integer(ctx, "limit");
        ctx.json(s.stock().levels(ctx.queryParam("warehouse"), ctx.queryParam("item"), ctx.queryParam("q"), Queries.offset(ctx, limit), limit));
    }

    private void movements(Context ctx) {
        Queries.only(ctx, "warehouse", "item", "voucher", "from", "to", "page", "offset", "limit");
        Integer limit = Queries.integer(ctx, "limit");
        ctx.json(s.stock().movements(ctx.queryParam("warehouse"), ctx.queryParam("item"), ctx.queryParam("voucher"), ctx.queryParam("from"),
                ctx.queryParam("to"), Queries.offset(ctx, limit), limit));
    }

    private Movement movement(Context ctx) {
        return bodies.json(ctx, Movement.class, Limits.SMALL_BODY_BYTES);
    }

    /** 201 with what the movement did; 200 with the first answer for a retry; {@code ?preview=true}: what it would do, nothing written. */
    private void move(Context ctx, MovementType type, Movement m) {
        Queries.only(ctx, "preview");
        Movement named = named(ctx, m);
        if ("true".equals(ctx.queryParam("preview"))) {
            ctx.json(s.stockMovements().preview(type, named, actor(ctx)));
            return;
        }
        MovementResult r = s.stockMovements().apply(type, named, actor(ctx));
        if (r.replayed()) ctx.header("Idempotent-Replayed", "true");
        ctx.status(r.replayed() ? 200 : 201).json(r);
    }

    /** The movement under the Idempotency-Key header's name when the body names none; both must agree when both do. */
    private static Movement named(Context ctx, Movement m) {
        String key = StockMovements.movementId(ctx.header(IDEMPOTENCY_KEY));
        String body = StockMovements.movementId(m.movementId());
        if (key == null) return m;
        if (body != null && !body.equals(key)) {
            throw ApiException.badRequest("idempotency_key_mismatch", "The Idempotency-Key header (" + key + ") and the body's movementId (" + body
                    + ") differ; send one of them, or the same id in both.");
        }
        return m.withMovementId(key);
    }

    private Warehouses.Spec warehouse(Context ctx) {
        return bodies.json(ctx, Warehouses.Spec.class, Limits.SMALL_BODY_BYTES);
    }

    private static String actor(Context ctx) {
        return Access.session(ctx).email();
    }

    /** The body's version, else If-Match ("3" or "W/\"3\""); null when neither (the service then asks for it). */
    private static Integer version(Context ctx, Integer fromBody) {
        if (fromBody != null) return fromBody;
        String m = ctx.header("If-Match");
        if (m == null || m.isBlank()) return null;
        try {
            return Integer.parseInt(m.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_if_match", "If-Match must be the version you read, e.g. \"3\".");
        }
    }

    /** Query parameters: only known ones (an ignored typo would answer the wrong rows), whole numbers, page → offset. */
    private static final class Queries {
        static void only(Context ctx, String... known) {
            List<String> allowed = List.of(known);
            for (String name : ctx.queryParamMap().keySet()) {
                if (!allowed.contains(name)) {
                    throw ApiException.badRequest("unknown_parameter", "Unknown query parameter '" + name + "'; this takes " + String.join(", ", allowed) + ".");
                }
            }
        }

        static Integer integer(Context ctx, String name) {
            String v = ctx.queryParam(name);
            if (v == null || v.isBlank()) return null;
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid_" + name, name + " must be a whole number.");
            }
        }

        /** offset, or (page − 1) × limit for a 1-based page (limit 50 when not given). */
        static Integer offset(Context ctx, Integer limit) {
            Integer page = integer(ctx, "page");
            Integer offset = integer(ctx, "offset");
            if (page == null) return offset;
            if (offset != null) throw ApiException.badRequest("invalid_page", "Give page or offset, not both.");
            if (page < 1) throw ApiException.badRequest("invalid_page", "page starts at 1.");
            return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * (limit == null ? 50 : limit));
        }
    }
}
