package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.sync.SyncHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stock movements and warehouses through the real HTTP entry point: every movement, its ledger rows, refusals in words, retries, and the till's pull. */
class StockApiTest {
    private static final String MAIN = "Main Warehouse";
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private final Http manager = http.bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String newItem(String unit) {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String tax = manager.get("/items/ITEM-0001").body().path("taxCategory").asText();
        Http.Response r = manager.post("/items", Map.of("code", code, "name", "Stock test " + code, "unit", unit, "taxCategory", tax,
                "barcodes", List.of(), "prices", List.of(Map.of("priceList", "Standard Selling", "price", "1.00"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }

    private String newWarehouse() {
        String name = "Back Room " + UUID.randomUUID().toString().substring(0, 6);
        Http.Response r = manager.post("/warehouses", Map.of("name", name));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().path("version").asInt()).isEqualTo(1);
        assertThat(r.body().path("active").asBoolean()).isTrue();
        return name;
    }

    /** The level in thousandths (0 when the item has no row there). */
    private long level(String warehouse, String item) {
        Http.Response r = manager.get("/stock?warehouse=" + enc(warehouse) + "&item=" + enc(item));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode items = r.body().path("items");
        return items.isEmpty() ? 0 : items.get(0).path("qtyMilli").asLong();
    }

    private static Map<String, Object> body(String warehouse, Object... more) {
        Map<String, Object> m = new HashMap<>();
        m.put("warehouse", warehouse);
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }

    private static Map<String, String> line(String item, String qty) {
        return Map.of("item", item, "qty", qty);
    }

    private JsonNode ledger(String voucher) {
        Http.Response r = manager.get("/stock/movements?voucher=" + enc(voucher));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().path("items");
    }

    @Test
    void aReceiptWithSupplierIsLedgeredOnceEvenWhenRetriedAndALinkedTillPullsTheNewLevel() {
        String code = newItem("unit");
        String key = UUID.randomUUID().toString();
        Map<String, Object> b = body(MAIN, "supplier", "Acme Stationery", "reference", "DN-4471", "lines", List.of(line(code, "24")));
        Http.Response r = manager.with("Idempotency-Key", key).post("/stock/receipts", b);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().path("type").asText()).isEqualTo("receipt");
        assertThat(r.body().path("replayed").asBoolean()).isFalse();
        assertThat(r.body().path("createdBy").asText()).isEqualTo("manager@demo.shop");
        String voucher = r.body().path("voucherNo").asText();
        assertThat(voucher).startsWith("REC-");
        assertThat(r.body().path("postings").get(0).path("level").asText()).isEqualTo("24");
        assertThat(level(MAIN, code)).isEqualTo(24_000);

        // The answer was lost; the client sends the same request again: the first answer, nothing written twice.
        Http.Response again = manager.with("Idempotency-Key", key).post("/stock/receipts", b);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("replayed").asBoolean()).isTrue();
        assertThat(again.body().path("voucherNo").asText()).isEqualTo(voucher);
        assertThat(level(MAIN, code)).isEqualTo(24_000);
        JsonNode rows = ledger(voucher);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("createdBy").asText()).isEqualTo("manager@demo.shop");
        assertThat(rows.get(0).path("supplier").asText()).isEqualTo("Acme Stationery");
        assertThat(rows.get(0).path("reference").asText()).isEqualTo("DN-4471");
        assertThat(rows.get(0).path("type").asText()).isEqualTo("Stock Receipt");
        assertThat(rows.get(0).path("qty").asText()).isEqualTo("24");
        assertThat(rows.get(0).path("postedAt").asText()).isNotEmpty();
        var audited = server.services().jdbi().withHandle(h -> server.services().audit().history(h, "stock_movement", voucher, 10));
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).actor()).isEqualTo("manager@demo.shop");
        assertThat(audited.get(0).after().toString()).contains("Acme Stationery").contains(code);

        // The same id in the body works like the header; the same id for another movement is refused.
        Map<String, Object> other = body(MAIN, "movementId", key, "lines", List.of(line(code, "1")));
        Http.Response reused = manager.post("/stock/receipts", other);
        assertThat(reused.status()).as(reused.raw()).isEqualTo(409);
        assertThat(reused.error()).isEqualTo("movement_id_reused");
        Map<String, Object> sameInBody = new HashMap<>(b);
        sameInBody.put("movementId", key);
        assertThat(manager.post("/stock/receipts", sameInBody).body().path("replayed").asBoolean()).isTrue();
        assertThat(level(MAIN, code)).isEqualTo(24_000);

        // A till on a profile selling from Main Warehouse pulls the new level.
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        List<JsonNode> changes = pullAll(d);
        assertThat(changes).anySatisfy(ch -> {
            assertThat(ch.path("entity").asText()).isEqualTo("stock");
            assertThat(ch.toString()).contains("\"itemCode\":\"" + code + "\"").contains("\"qtyMilli\":24000");
        });

        // After another movement, the till's next pull (from its cursor) brings the level it left.
        String cursor = lastCursor;
        Http.Response adj = manager.post("/stock/adjustments", body(MAIN, "reason", "two broken in the box", "lines", List.of(line(code, "-2"))));
        assertThat(adj.status()).as(adj.raw()).isEqualTo(201);
        Http.Response next = d.http().with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2).get("/sync/pull?limit=500&cursor=" + cursor);
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        assertThat(next.body().path("changes").toString()).contains("\"itemCode\":\"" + code + "\"").contains("\"qtyMilli\":22000");
    }

    private String lastCursor;

    private List<JsonNode> pullAll(Fixtures.Linked d) {
        List<JsonNode> changes = new ArrayList<>();
        String cursor = "";
        Http device = d.http().with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2);
        for (int page = 0; page < 200; page++) {
            Http.Response r = device.get("/sync/pull?limit=500&cursor=" + cursor);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            r.body().path("changes").forEach(changes::add);
            cursor = r.body().path("cursor").asText();
            if (!r.body().path("hasMore").asBoolean()) break;
        }
        lastCursor = cursor;
        return changes;
    }

    @Test
    void wholeUnitsRefuseFractionsAndKilogramsTakeThousandths() {
        String pens = newItem("unit");
        Http.Response frac = manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(pens, "1.5"))));
        assertThat(frac.status()).as(frac.raw()).isEqualTo(422);
        assertThat(frac.error()).isEqualTo("invalid_quantity");
        assertThat(frac.body().path("message").asText()).contains("Line 1 (" + pens + ")").contains("whole number");
        assertThat(level(MAIN, pens)).isZero();

        String cheese = newItem("kg");
        Http.Response kg = manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(cheese, "1.250"))));
        assertThat(kg.status()).as(kg.raw()).isEqualTo(201);
        assertThat(kg.body().path("postings").get(0).path("qtyMilli").asLong()).isEqualTo(1250);
        assertThat(kg.body().path("postings").get(0).path("level").asText()).isEqualTo("1.25");
        assertThat(level(MAIN, cheese)).isEqualTo(1250);
        Http.Response listed = manager.get("/stock?warehouse=" + enc(MAIN) + "&q=" + enc(cheese));
        assertThat(listed.body().path("items").get(0).path("unit").asText()).isEqualTo("kg");
        assertThat(listed.body().path("items").get(0).path("qty").asText()).isEqualTo("1.25");
        assertThat(listed.body().path("items").get(0).path("itemName").asText()).isEqualTo("Stock test " + cheese);

        Http.Response tooFine = manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(cheese, "0.0005"))));
        assertThat(tooFine.status()).as(tooFine.raw()).isEqualTo(422);
        assertThat(tooFine.body().path("message").asText()).contains("more than 3 decimals");

        // An adjustment needs a reason, may go either way, and may not take the level below zero unless it says so.
        Http.Response noReason = manager.post("/stock/adjustments", body(MAIN, "lines", List.of(line(cheese, "-0.250"))));
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(422);
        assertThat(noReason.error()).isEqualTo("missing_reason");
        Http.Response spoiled = manager.post("/stock/adjustments", body(MAIN, "reason", "spoiled", "lines", List.of(line(cheese, "-0.250"))));
        assertThat(spoiled.status()).as(spoiled.raw()).isEqualTo(201);
        assertThat(level(MAIN, cheese)).isEqualTo(1000);
        Http.Response below = manager.post("/stock/adjustments", body(MAIN, "reason", "dropped", "lines", List.of(line(cheese, "-5"))));
        assertThat(below.status()).as(below.raw()).isEqualTo(409);
        assertThat(below.error()).isEqualTo("negative_stock");
        assertThat(below.body().path("message").asText()).contains("has 1 kg of " + cheese).contains("would leave -4 kg").contains("allowNegative");
        assertThat(level(MAIN, cheese)).isEqualTo(1000);
        Http.Response allowed = manager.post("/stock/adjustments", body(MAIN, "reason", "sold at the market, not yet pushed",
                "allowNegative", true, "lines", List.of(line(cheese, "-5"))));
        assertThat(allowed.status()).as(allowed.raw()).isEqualTo(201);
        assertThat(level(MAIN, cheese)).isEqualTo(-4000);
        JsonNode row = ledger(allowed.body().path("voucherNo").asText()).get(0);
        assertThat(row.path("reason").asText()).isEqualTo("sold at the market, not yet pushed");
        assertThat(row.path("qty").asText()).isEqualTo("-5");
    }

    @Test
    void aTransferWritesTwoLedgerRowsInOneVoucherAndRefusesTheSameWarehouse() {
        String code = newItem("unit");
        String back = newWarehouse();
        assertThat(manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(code, "10")))).status()).isEqualTo(201);

        Http.Response t = manager.post("/stock/transfers", body(MAIN, "toWarehouse", back, "reason", "restock the back room", "lines", List.of(line(code, "4"))));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        assertThat(t.body().path("postings")).hasSize(2);
        String voucher = t.body().path("voucherNo").asText();
        assertThat(voucher).startsWith("TRF-");
        JsonNode rows = ledger(voucher);
        assertThat(rows).hasSize(2);
        List<String> sides = new ArrayList<>();
        rows.forEach(r -> sides.add(r.path("warehouse").asText() + " " + r.path("qty").asText() + " " + r.path("type").asText()));
        assertThat(sides).containsExactlyInAnyOrder(MAIN + " -4 Stock Transfer", back + " 4 Stock Transfer");
        assertThat(level(MAIN, code)).isEqualTo(6000);
        assertThat(level(back, code)).isEqualTo(4000);

        Http.Response same = manager.post("/stock/transfers", body(MAIN, "toWarehouse", MAIN, "lines", List.of(line(code, "1"))));
        assertThat(same.status()).as(same.raw()).isEqualTo(422);
        assertThat(same.error()).isEqualTo("same_warehouse");
        Http.Response tooMany = manager.post("/stock/transfers", body(back, "toWarehouse", MAIN, "lines", List.of(line(code, "5"))));
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(409);
        assertThat(tooMany.error()).isEqualTo("negative_stock");
        assertThat(level(back, code)).isEqualTo(4000);
        assertThat(level(MAIN, code)).isEqualTo(6000);

        Http.Response generic = manager.post("/stock/movements", Map.of("type", "transfer", "warehouse", back, "toWarehouse", MAIN,
                "lines", List.of(line(code, "4"))));
        assertThat(generic.status()).as(generic.raw()).isEqualTo(201);
        assertThat(level(back, code)).isZero();
        assertThat(level(MAIN, code)).isEqualTo(10_000);
    }

    @Test
    void aStocktakeOfManyItemsPreviewsThenPostsTheVariancePerLine() {
        String a = newItem("unit"), b = newItem("kg"), c = newItem("unit");
        assertThat(manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(a, "10"), line(b, "2.5")))).status()).isEqualTo(201);
        List<Map<String, String>> counted = List.of(Map.of("item", a, "counted", "7"), Map.of("item", b, "counted", "2.750"), Map.of("item", c, "counted", "3"));

        Http.Response preview = manager.post("/stock/stocktakes?preview=true", body(MAIN, "reason", "month-end count", "lines", counted));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("preview").asBoolean()).isTrue();
        assertThat(preview.body().has("voucherNo")).isFalse();
        assertThat(preview.body().path("postings").get(0).path("variance").asText()).isEqualTo("-3");
        assertThat(level(MAIN, a)).isEqualTo(10_000);

        Http.Response post = manager.post("/stock/stocktakes", body(MAIN, "reason", "month-end count", "lines", counted));
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        JsonNode p = post.body().path("postings");
        assertThat(p).hasSize(3);
        assertThat(p.get(0).path("expected").asText()).isEqualTo("10");
        assertThat(p.get(0).path("counted").asText()).isEqualTo("7");
        assertThat(p.get(0).path("variance").asText()).isEqualTo("-3");
        assertThat(p.get(1).path("expected").asText()).isEqualTo("2.5");
        assertThat(p.get(1).path("varianceMilli").asLong()).isEqualTo(250);
        assertThat(p.get(2).path("expected").asText()).isEqualTo("0");
        assertThat(p.get(2).path("variance").asText()).isEqualTo("3");
        assertThat(level(MAIN, a)).isEqualTo(7000);
        assertThat(level(MAIN, b)).isEqualTo(2750);
        assertThat(level(MAIN, c)).isEqualTo(3000);

        JsonNode rows = ledger(post.body().path("voucherNo").asText());
        assertThat(rows).hasSize(3);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.path("item").asText()).isEqualTo(a);
            assertThat(r.path("type").asText()).isEqualTo("Stocktake");
            assertThat(r.path("expected").asText()).isEqualTo("10");
            assertThat(r.path("counted").asText()).isEqualTo("7");
            assertThat(r.path("variance").asText()).isEqualTo("-3");
            assertThat(r.path("reason").asText()).isEqualTo("month-end count");
        });

        // A whole-unit item counted in fractions refuses the whole stocktake: nothing posted.
        Http.Response bad = manager.post("/stock/stocktakes", body(MAIN, "lines", List.of(Map.of("item", b, "counted", "1"), Map.of("item", a, "counted", "6.5"))));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.body().path("message").asText()).contains("Line 2 (" + a + ")");
        assertThat(level(MAIN, b)).isEqualTo(2750);
    }

    @Test
    void refusalsNameWhatIsWrongAndNothingIsWritten() {
        String code = newItem("unit");
        record Case(String path, Map<String, Object> body, int status, String error) {}
        List<Case> cases = List.of(
                new Case("/stock/receipts", body(MAIN, "lines", List.of(line("NO-SUCH-ITEM", "1"))), 422, "unknown_item"),
                new Case("/stock/receipts", body("Nowhere", "lines", List.of(line(code, "1"))), 422, "unknown_warehouse"),
                new Case("/stock/receipts", body(MAIN, "lines", List.of(line(code, "0"))), 422, "zero_quantity"),
                new Case("/stock/receipts", body(MAIN, "lines", List.of(line(code, "-3"))), 422, "invalid_quantity"),
                new Case("/stock/receipts", body(MAIN, "lines", List.of(line(code, "abc"))), 422, "invalid_quantity"),
                new Case("/stock/receipts", body(MAIN, "lines", List.of()), 422, "missing_lines"),
                new Case("/stock/receipts", body(MAIN, "lines", List.of(line(code, "1"), line(code, "2"))), 422, "duplicate_line"),
                new Case("/stock/adjustments", body(MAIN, "reason", "x", "lines", List.of(line(code, "0"))), 422, "zero_quantity"),
                new Case("/stock/adjustments", body(MAIN, "reason", "x", "supplier", "Acme", "lines", List.of(line(code, "1"))), 422, "invalid_supplier"),
                new Case("/stock/receipts", body(MAIN, "toWarehouse", MAIN, "lines", List.of(line(code, "1"))), 422, "invalid_to_warehouse"),
                new Case("/stock/transfers", body(MAIN, "lines", List.of(line(code, "1"))), 422, "missing_warehouse"),
                new Case("/stock/stocktakes", body(MAIN, "lines", List.of(Map.of("item", code, "counted", "-1"))), 422, "invalid_quantity"),
                new Case("/stock/receipts", body(MAIN, "colour", "red", "lines", List.of(line(code, "1"))), 400, "unknown_field"));
        for (Case c : cases) {
            Http.Response r = manager.post(c.path(), c.body());
            assertThat(r.status()).as(c + " → " + r.raw()).isEqualTo(c.status());
            assertThat(r.error()).as(r.raw()).isEqualTo(c.error());
            assertThat(r.body().path("message").asText()).as(r.raw()).isNotBlank();
        }
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) tooMany.add(line(code, "1"));
        Http.Response big = manager.post("/stock/receipts", body(MAIN, "lines", tooMany));
        assertThat(big.status()).as(big.raw()).isEqualTo(422);
        assertThat(big.body().path("message").asText()).contains("at most 1000 lines");
        assertThat(level(MAIN, code)).isZero();
        assertThat(manager.get("/stock/movements?item=" + enc(code)).body().path("total").asLong()).isZero();
        Http.Response badDate = manager.get("/stock/movements?from=31/12/2024");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("message").asText()).contains("YYYY-MM-DD");
        Http.Response mismatch = manager.with("Idempotency-Key", "a-1").post("/stock/receipts", body(MAIN, "movementId", "b-2", "lines", List.of(line(code, "1"))));
        assertThat(mismatch.status()).as(mismatch.raw()).isEqualTo(400);
        assertThat(mismatch.error()).isEqualTo("idempotency_key_mismatch");
    }

    @Test
    void rolesAndDayFilters() {
        String code = newItem("unit");
        Http viewer = http.bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        assertThat(viewer.get("/stock?warehouse=" + enc(MAIN) + "&page=1&limit=5").status()).isEqualTo(200);
        assertThat(viewer.get("/stock/movements").status()).isEqualTo(200);
        assertThat(viewer.get("/warehouses").status()).isEqualTo(200);
        Http.Response refused = viewer.post("/stock/receipts", body(MAIN, "lines", List.of(line(code, "1"))));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(viewer.post("/warehouses", Map.of("name", "Viewer's")).status()).isEqualTo(403);
        assertThat(http.get("/stock").status()).isEqualTo(401);
        assertThat(http.post("/stock/adjustments", body(MAIN, "reason", "x", "lines", List.of(line(code, "1")))).status()).isEqualTo(401);
        assertThat(level(MAIN, code)).isZero();

        Http.Response r = manager.post("/stock/receipts", body(MAIN, "lines", List.of(line(code, "3"))));
        String today = LocalDate.now(server.services().settings().timeZone()).toString();
        assertThat(manager.get("/stock/movements?item=" + code + "&from=" + today + "&to=" + today).body().path("total").asLong()).isEqualTo(1);
        assertThat(manager.get("/stock/movements?item=" + code + "&from=2000-01-01&to=2000-01-31").body().path("total").asLong()).isZero();
        assertThat(manager.get("/stock/movements?warehouse=" + enc(MAIN) + "&limit=500").body().path("items").toString())
                .contains(r.body().path("voucherNo").asText());
        assertThat(manager.get("/stock?page=0").status()).isEqualTo(400);
        assertThat(manager.get("/stock?pgae=1").error()).isEqualTo("unknown_parameter");
    }

    @Test
    void warehousesAreCreatedDisabledWithTheirVersionAndNeverDeleted() {
        String back = newWarehouse();
        Http.Response dup = manager.post("/warehouses", Map.of("name", back));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.error()).isEqualTo("warehouse_exists");
        assertThat(manager.get("/warehouses?q=" + enc(back)).body().path("items").get(0).path("name").asText()).isEqualTo(back);

        Http.Response noVersion = manager.put("/warehouses/" + enc(back), Map.of("active", false));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.error()).isEqualTo("version_required");
        Http.Response off = manager.put("/warehouses/" + enc(back), Map.of("active", false, "version", 1));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(off.body().path("active").asBoolean()).isFalse();
        assertThat(off.body().path("version").asInt()).isEqualTo(2);
        Http.Response stale = manager.put("/warehouses/" + enc(back), Map.of("active", true, "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("stale_version");

        Http.Response into = manager.post("/stock/receipts", body(back, "lines", List.of(line("ITEM-0001", "1"))));
        assertThat(into.status()).as(into.raw()).isEqualTo(422);
        assertThat(into.error()).isEqualTo("inactive_warehouse");

        Http.Response on = manager.with("If-Match", "\"2\"").put("/warehouses/" + enc(back), Map.of("active", true));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        assertThat(on.body().path("active").asBoolean()).isTrue();
        Http.Response rename = manager.put("/warehouses/" + enc(back), Map.of("name", "Elsewhere", "version", 3));
        assertThat(rename.error()).isEqualTo("name_immutable");

        int mainVersion = manager.get("/warehouses/" + enc(MAIN)).body().path("version").asInt();
        Http.Response inUse = manager.with("If-Match", String.valueOf(mainVersion)).delete("/warehouses/" + enc(MAIN));
        assertThat(inUse.status()).as(inUse.raw()).isEqualTo(409);
        assertThat(inUse.error()).isEqualTo("warehouse_in_use");
        assertThat(inUse.body().path("message").asText()).contains("Main Store");
        assertThat(manager.get("/warehouses/No%20Such").status()).isEqualTo(404);
    }

    @Test
    void concurrentRetriesApplyOnceAndConcurrentMovementsAllCount() throws Exception {
        String code = newItem("unit");
        String key = UUID.randomUUID().toString();
        Map<String, Object> b = body(MAIN, "lines", List.of(line(code, "5")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Http.Response>> same = new ArrayList<>();
            for (int i = 0; i < 8; i++) same.add(pool.submit(() -> manager.with("Idempotency-Key", key).post("/stock/receipts", b)));
            java.util.Set<String> vouchers = new java.util.HashSet<>();
            int created = 0;
            for (var f : same) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.raw()).isIn(200, 201);
                if (r.status() == 201) created++;
                vouchers.add(r.body().path("voucherNo").asText());
            }
            assertThat(created).isEqualTo(1);
            assertThat(vouchers).hasSize(1);
            assertThat(level(MAIN, code)).isEqualTo(5000);

            List<java.util.concurrent.Future<Http.Response>> many = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                many.add(pool.submit(() -> manager.post("/stock/adjustments", body(MAIN, "reason", "found in the back", "lines", List.of(line(code, "1"), line("ITEM-0001", "1"))))));
            }
            for (var f : many) assertThat(f.get().status()).isEqualTo(201);
            assertThat(level(MAIN, code)).isEqualTo(13_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
