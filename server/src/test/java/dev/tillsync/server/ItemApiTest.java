package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.sync.SyncHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalogue API through the real HTTP entry point: writes, refusals in words, history, and the till's pull. */
class ItemApiTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());
    private final Http manager = http.bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"));

    private String tax() {
        return manager.get("/items/ITEM-0001").body().path("taxCategory").asText();
    }

    private Map<String, Object> spec(String code, String barcode, String price) {
        return Map.of("code", code, "name", "Test item " + code, "unit", "unit", "taxCategory", tax(),
                "barcodes", barcode == null ? List.of() : List.of(barcode),
                "prices", List.of(Map.of("priceList", "Standard Selling", "price", price)));
    }

    private static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createGetUpdateAndALinkedTillPullsTheNewPrice() {
        String code = code();
        Http.Response c = manager.post("/items", spec(code, null, "2.50"));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        assertThat(c.body().path("version").asInt()).isEqualTo(1);
        Http.Response g = manager.get("/items/" + code);
        assertThat(g.body().path("prices").get(0).path("price").asText()).isEqualTo("2.50");
        assertThat(g.body().path("prices").get(0).path("priceMinor").asLong()).isEqualTo(250);

        Http.Response u = manager.put("/items/" + code, Map.of("version", 1, "prices", List.of(Map.of("priceList", "Standard Selling", "price", "2.75"))));
        assertThat(u.status()).as(u.raw()).isEqualTo(200);
        assertThat(u.body().path("version").asInt()).isEqualTo(2);

        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        List<JsonNode> changes = new ArrayList<>();
        String cursor = "";
        Http device = d.http().with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2);
        for (int page = 0; page < 200; page++) {
            Http.Response r = device.get("/sync/pull?limit=500&cursor=" + cursor);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            r.body().path("changes").forEach(changes::add);
            cursor = r.body().path("nextCursor").asText();
            if (!r.body().path("hasMore").asBoolean()) break;
        }
        assertThat(changes).anySatisfy(ch -> {
            assertThat(ch.toString()).contains("\"" + code + "\"").contains("\"priceMinor\":275");
        });

        Http.Response stale = manager.put("/items/" + code, Map.of("version", 1, "name", "Other"));
        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("stale_version");

        Http.Response h = manager.get("/items/" + code + "/history");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.body().get(0).path("actor").asText()).isEqualTo("manager@demo.shop");
        assertThat(h.body().get(0).toString()).contains("2.50").contains("2.75");

        Http.Response del = manager.delete("/items/" + code);
        assertThat(del.status()).as(del.raw()).isEqualTo(200);
        assertThat(del.body().path("item").path("active").asBoolean()).isFalse();
        assertThat(del.body().path("message").asText()).contains("disabled, not deleted");
    }

    @Test
    void refusalsNameWhatIsWrong() {
        String first = code();
        String barcode = "40" + String.valueOf(System.nanoTime()).substring(0, 10);
        barcode = barcode + dev.tillsync.server.master.ItemRules.checkDigit(barcode);
        assertThat(manager.post("/items", spec(first, barcode, "1.00")).status()).isEqualTo(201);
        Http.Response dup = manager.post("/items", spec(code(), barcode, "1.00"));
        assertThat(dup.status()).as(dup.raw()).isEqualTo(409);
        assertThat(dup.body().path("message").asText()).contains("Barcode " + barcode + " is already on item " + first + " (Test item " + first + ")");

        char wrong = (char) ('0' + (barcode.charAt(12) - '0' + 1) % 10);
        Http.Response ean = manager.post("/items", spec(code(), barcode.substring(0, 12) + wrong, "1.00"));
        assertThat(ean.status()).as(ean.raw()).isEqualTo(400);
        assertThat(ean.error()).isEqualTo("invalid_barcode");

        assertThat(manager.post("/items", spec(code(), null, "-1.00")).status()).isEqualTo(400);
        assertThat(manager.post("/items", spec(code(), null, "1.005")).status()).isEqualTo(400);

        Map<String, Object> badCat = new java.util.HashMap<>(spec(code(), null, "1.00"));
        badCat.put("category", "No Such Category");
        Http.Response cat = manager.post("/items", badCat);
        assertThat(cat.status()).as(cat.raw()).isEqualTo(422);
        assertThat(cat.body().path("message").asText()).contains("No Such Category");

        Http viewer = http.bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        assertThat(viewer.post("/items", spec(code(), null, "1.00")).status()).isEqualTo(403);
        assertThat(viewer.get("/items?q=ITEM-000&limit=5").status()).isEqualTo(200);
        assertThat(http.get("/items").status()).isEqualTo(401);
        assertThat(viewer.get("/items?q=ITEM-0001").body().get(0).path("code").asText()).isEqualTo("ITEM-0001");
    }

    @Test
    void categoriesTaxesAndPriceListsAreListedAndCreated() {
        String name = "Cat " + UUID.randomUUID().toString().substring(0, 6);
        Http.Response c = manager.post("/categories", Map.of("name", name, "position", 5));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        Http.Response u = manager.put("/categories/" + name.replace(" ", "%20"), Map.of("position", 6, "version", 1));
        assertThat(u.status()).as(u.raw()).isEqualTo(200);
        assertThat(u.body().path("version").asInt()).isEqualTo(2);
        assertThat(manager.get("/categories").raw()).contains(name);
        assertThat(manager.get("/taxes").status()).isEqualTo(200);
        assertThat(manager.get("/price-lists").raw()).contains("Standard Selling");
        String tax = "Tax " + UUID.randomUUID().toString().substring(0, 6);
        Http.Response t = manager.post("/taxes", Map.of("name", tax, "ratePercent", "7.5"));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        assertThat(t.body().path("ratePercent").asText()).isEqualTo("7.50");

        // Each one alone, by name, as a reader may fetch it; an unknown name is a 404 that names it.
        Http viewer = http.bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        assertThat(viewer.get("/categories/" + name.replace(" ", "%20")).body().path("position").asInt()).isEqualTo(6);
        assertThat(viewer.get("/taxes/" + tax.replace(" ", "%20")).body().path("ratePercent").asText()).isEqualTo("7.50");
        assertThat(viewer.get("/price-lists/Standard%20Selling").body().path("currency").asText()).isNotBlank();
        Http.Response missing = viewer.get("/taxes/No%20Such%20Tax");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("message").asText()).contains("There is no tax category 'No Such Tax'");
    }
}
