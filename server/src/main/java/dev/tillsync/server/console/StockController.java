package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.refusal.Refusal;
import dev.tillsync.server.stock.Movement;
import dev.tillsync.server.stock.MovementResult;
import dev.tillsync.server.stock.MovementType;
import dev.tillsync.server.stock.StockLevels;
import dev.tillsync.server.stock.Warehouses;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stock in the console: levels and the ledger, the receive / adjust / transfer forms, the stocktake with its confirm
 * step, and the warehouses. Every movement goes through services.stockMovements() like the API (invariant 9); a
 * refused form is shown again with what the user typed and the refusal's message.
 */
final class StockController {
    private static final int PAGE = 50;
    private static final int BLANK_ROWS = 3;
    private static final List<String> MOVE_FIELDS = List.of("warehouse", "toWarehouse", "item", "qty", "reason", "supplier", "reference",
            "allowNegative", "movementId");

    private final Services s;
    private final Views views;

    StockController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        String done = ctx.queryParam("done");
        views.html(ctx, "stock", model(ctx, u, done == null ? null : describe(done), null, null, Map.of()));
    }

    void receive(Context ctx, ConsoleUser u) {
        move(ctx, u, MovementType.RECEIPT);
    }

    void adjust(Context ctx, ConsoleUser u) {
        move(ctx, u, MovementType.ADJUSTMENT);
    }

    void transfer(Context ctx, ConsoleUser u) {
        move(ctx, u, MovementType.TRANSFER);
    }

    private void move(Context ctx, ConsoleUser u, MovementType type) {
        String item = ctx.formParam("item");
        Movement m = new Movement(ctx.formParam("movementId"), ctx.formParam("warehouse"), ctx.formParam("toWarehouse"), ctx.formParam("reason"),
                ctx.formParam("supplier"), ctx.formParam("reference"), ctx.formParam("allowNegative") != null,
                List.of(new Movement.Line(item == null ? null : item.trim(), ctx.formParam("qty"), null)));
        try {
            MovementResult r = s.stockMovements().apply(type, m, u.email());
            ctx.redirect("/console/stock?warehouse=" + Format.url(filter(ctx)) + "&done=" + Format.url(r.voucherNo()), HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            Map<String, String> draft = new HashMap<>();
            for (String f : MOVE_FIELDS) {
                String v = ctx.formParam(f);
                if (v != null) draft.put(f, v);
            }
            String message = e.getMessage();
            if ("movement_id_reused".equals(e.code())) {
                // A page shown again from the browser's history still carries the id of a movement already posted.
                draft.remove("movementId");
                message = "This form was already used for another movement (the page came back from the browser's history); check the values and submit again.";
            }
            views.html(ctx, "stock", model(ctx, u, null, type.label() + " not posted: " + message, type.code(), draft));
        }
    }

    /** The filter the page was showing when a form was posted (kept across the post). */
    private static String filter(Context ctx) {
        String f = ctx.formParam("filterWarehouse");
        return f == null ? "" : f;
    }

    private String describe(String voucher) {
        List<StockLevels.Entry> rows = s.stock().movements(null, null, voucher, null, null, 0, 20).items();
        if (rows.isEmpty()) return null;
        StockLevels.Entry e = rows.get(0);
        String what = switch (e.type()) {
            case dev.tillsync.server.master.StockVouchers.RECEIPT -> "Receipt";
            case dev.tillsync.server.master.StockVouchers.ADJUSTMENT -> "Adjustment";
            case dev.tillsync.server.master.StockVouchers.TRANSFER -> "Transfer";
            case dev.tillsync.server.master.StockVouchers.STOCKTAKE -> "Stocktake";
            default -> e.type();
        };
        return what + " " + voucher + " posted (" + rows.size() + (rows.size() == 1 ? " ledger row" : " ledger rows")
                + "); the tills get the new levels on their next pull.";
    }

    private StockModel model(Context ctx, ConsoleUser u, String notice, String error, String draftForm, Map<String, String> draft) {
        String warehouse = blank(ctx.queryParam("warehouse"));
        if (warehouse == null) warehouse = blank(ctx.formParam("filterWarehouse"));
        String q = blank(ctx.queryParam("q"));
        String item = blank(ctx.queryParam("item"));
        int offset = Math.max(0, number(ctx.queryParam("offset")));
        Page<StockLevels.Level> levels = s.stock().levels(warehouse, item, q, offset, PAGE);
        Page<StockLevels.Entry> movements = s.stock().movements(warehouse, item, null, null, null, 0, item == null ? 30 : 200);
        String id = draft.getOrDefault("movementId", UUID.randomUUID().toString());
        return new StockModel(Frame.of(u, Frame.Tab.STOCK, "Stock"), notice, error, s.warehouses().activeNames(), warehouse == null ? "" : warehouse,
                q == null ? "" : q, item == null ? "" : item, levels, movements, s.settings().timeZone(), u.can(Role.ACCOUNTS_MANAGER), draftForm, draft, id, tillWarehouse());
    }

    private String tillWarehouse() {
        return s.warehouses().sellingDefault().orElse(null);
    }

    // ---- stocktake

    void stocktake(Context ctx, ConsoleUser u) {
        String warehouse = blank(ctx.queryParam("warehouse"));
        List<String> names = s.warehouses().activeNames();
        if (warehouse == null) warehouse = tillWarehouse();
        if (warehouse == null && !names.isEmpty()) warehouse = names.get(0);
        views.html(ctx, "stocktake", entry(u, null, warehouse, blank(ctx.queryParam("q")), null, List.of(), UUID.randomUUID().toString()));
    }

    /** step=preview shows the confirm step; step=post posts what was confirmed; step=edit goes back to the counts. */
    void stocktakePost(Context ctx, ConsoleUser u) {
        String warehouse = blank(ctx.formParam("warehouse"));
        String reason = ctx.formParam("reason");
        String id = blank(ctx.formParam("movementId"));
        if (id == null) id = UUID.randomUUID().toString();
        List<Movement.Line> lines = new ArrayList<>();
        for (int i = 0; i < StockMovementsLimit.ROWS; i++) {
            String item = blank(ctx.formParam("item." + i));
            String counted = blank(ctx.formParam("counted." + i));
            if (item == null && counted == null) {
                if (ctx.formParam("item." + i) == null && ctx.formParam("counted." + i) == null) break;
                continue;
            }
            if (counted == null) continue; // an item listed but not counted is not part of this stocktake
            lines.add(new Movement.Line(item, null, counted));
        }
        Movement m = new Movement(id, warehouse, null, reason, null, null, null, lines);
        String step = ctx.formParam("step");
        try {
            if ("edit".equals(step)) {
                views.html(ctx, "stocktake", entry(u, null, warehouse, null, reason, lines, id));
                return;
            }
            if (lines.isEmpty()) throw Refusal.unprocessable("missing_lines", "Enter the counted level of at least one item.");
            if ("post".equals(step)) {
                MovementResult r = s.stockMovements().apply(MovementType.STOCKTAKE, m, u.email());
                ctx.redirect("/console/stock?warehouse=" + Format.url(warehouse) + "&done=" + Format.url(r.voucherNo()), HttpStatus.SEE_OTHER);
                return;
            }
            MovementResult preview = s.stockMovements().preview(MovementType.STOCKTAKE, m, u.email());
            views.html(ctx, "stocktake", new StocktakeModel(Frame.of(u, Frame.Tab.STOCK, "Stocktake"), null, s.warehouses().activeNames(), warehouse,
                    null, reason == null ? "" : reason, List.of(), preview, id, u.can(Role.ACCOUNTS_MANAGER)));
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            boolean reused = "movement_id_reused".equals(e.code());
            views.html(ctx, "stocktake", entry(u, "Stocktake not posted: " + (reused
                    ? "this page was already used for another stocktake (it came back from the browser's history); check the counts and review them again."
                    : e.getMessage()), warehouse, null, reason, lines, reused ? UUID.randomUUID().toString() : id));
        }
    }

    /** The entry form: the lines already typed, then the warehouse's levels (matching q), then a few blank lines. */
    private StocktakeModel entry(ConsoleUser u, String error, String warehouse, String q, String reason, List<Movement.Line> typed, String id) {
        List<StocktakeModel.Row> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Map<String, StockLevels.Level> known = new HashMap<>();
        if (warehouse != null) {
            for (StockLevels.Level l : s.stock().levels(warehouse, null, q, 0, PAGE).items()) known.put(l.item(), l);
        }
        for (Movement.Line l : typed) {
            StockLevels.Level k = l.item() == null ? null : known.get(l.item());
            if (k == null && l.item() != null && warehouse != null) {
                k = s.stock().levels(warehouse, l.item(), null, 0, 1).items().stream().findFirst().orElse(null);
            }
            rows.add(k == null ? new StocktakeModel.Row(l.item() == null ? "" : l.item(), null, null, null, l.counted())
                    : new StocktakeModel.Row(k.item(), k.itemName(), k.unit(), k.qty(), l.counted()));
            if (l.item() != null) listed.add(l.item());
        }
        if (warehouse != null) {
            for (StockLevels.Level l : s.stock().levels(warehouse, null, q, 0, PAGE).items()) {
                if (listed.add(l.item())) rows.add(new StocktakeModel.Row(l.item(), l.itemName(), l.unit(), l.qty(), ""));
            }
        }
        for (int i = 0; i < BLANK_ROWS; i++) rows.add(new StocktakeModel.Row("", null, null, null, ""));
        return new StocktakeModel(Frame.of(u, Frame.Tab.STOCK, "Stocktake"), error, s.warehouses().activeNames(), warehouse == null ? "" : warehouse,
                q == null ? "" : q, reason == null ? "" : reason, rows, null, id, u.can(Role.ACCOUNTS_MANAGER));
    }

    /** How many numbered rows a stocktake form may carry (the service's own limit on lines). */
    private static final class StockMovementsLimit {
        static final int ROWS = dev.tillsync.server.stock.StockMovements.MAX_LINES + PAGE + BLANK_ROWS;
    }

    // ---- warehouses

    void warehouses(Context ctx, ConsoleUser u) {
        String saved = ctx.queryParam("saved");
        views.html(ctx, "warehouses", warehousesModel(u, saved == null ? null : "Warehouse " + saved + " saved.", null, null));
    }

    void createWarehouse(Context ctx, ConsoleUser u) {
        String name = ctx.formParam("name");
        try {
            Warehouses.Warehouse w = s.warehouses().create(u.email(), new Warehouses.Spec(name, true, null));
            ctx.redirect("/console/stock/warehouses?saved=" + Format.url(w.name()), HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "warehouses", warehousesModel(u, null, e.getMessage(), name));
        }
    }

    void saveWarehouse(Context ctx, ConsoleUser u) {
        String name = ctx.pathParam("name");
        try {
            Integer version = Integer.valueOf(ctx.formParam("version"));
            s.warehouses().update(u.email(), name, new Warehouses.Spec(null, "true".equals(ctx.formParam("active")), version));
            ctx.redirect("/console/stock/warehouses?saved=" + Format.url(name), HttpStatus.SEE_OTHER);
        } catch (NumberFormatException e) {
            ctx.status(400);
            views.html(ctx, "warehouses", warehousesModel(u, null, "The form lost its version; reload the page.", null));
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "warehouses", warehousesModel(u, null, e.getMessage(), null));
        }
    }

    private WarehousesModel warehousesModel(ConsoleUser u, String notice, String error, String draftName) {
        return new WarehousesModel(Frame.of(u, Frame.Tab.STOCK, "Warehouses"), notice, error, s.warehouses().list(null, 0, 500).items(),
                draftName == null ? "" : draftName, u.can(Role.ACCOUNTS_MANAGER));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int number(String v) {
        if (v == null || v.isBlank()) return 0;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
