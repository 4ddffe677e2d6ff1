package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.SyncHeaders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pull feed's two shapes: a till of the previous release (no master-v2 feature, strict JSON parsing) gets records
 * it can read with its own record types; a current till gets the new fields; items are seen per price list.
 */
class PullShapesTest {
    private final TillServer server = SharedServer.get();

    // The previous release's pull records, exactly: its mapper refuses any field not declared here.
    record OldItem(String code, String name, List<String> barcodes, long priceMinor, int taxRateBp, boolean active) {}
    record OldProfile(String name, String warehouse, String priceList, List<String> paymentModes, String taxTemplate,
                      String receiptHeader, String receiptFooter, String profileKey) {}
    record OldStock(String itemCode, String warehouse, long qty) {}
    record OldCustomer(String number, String name, String phone, String email) {}

    private List<JsonNode> pullAll(Http device) {
        List<JsonNode> changes = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 100; page++) {
            Http.Response r = device.get("/sync/pull?limit=500&cursor=" + cursor);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            r.body().path("changes").forEach(changes::add);
            cursor = r.body().path("nextCursor").asText();
            if (!r.body().path("hasMore").asBoolean()) break;
        }
        return changes;
    }

    @Test
    void aTillOfThePreviousReleaseReadsEveryRecordWithItsOwnStrictTypes() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        List<JsonNode> changes = pullAll(d.http().with(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER));
        assertThat(changes).isNotEmpty();
        int items = 0;
        for (JsonNode c : changes) {
            JsonNode data = c.get("data");
            switch (c.path("entity").asText()) {
                case "item" -> {
                    Http.JSON.treeToValue(data, OldItem.class);
                    items++;
                }
                case "profile" -> assertThat(Http.JSON.treeToValue(data, OldProfile.class).paymentModes()).containsExactly("Cash", "Card");
                case "stock" -> Http.JSON.treeToValue(data, OldStock.class);
                case "customer" -> Http.JSON.treeToValue(data, OldCustomer.class);
                case "category" -> throw new AssertionError("an old till was sent the category entity it does not know");
                default -> { }
            }
        }
        assertThat(items).isGreaterThanOrEqualTo(200);
    }

    @Test
    void aCurrentTillGetsUnitsPriceListsPaymentModeDetailsAndStockInThousandths() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        List<JsonNode> changes = pullAll(d.http().with(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER + "," + SyncHeaders.MASTER_V2));
        JsonNode pen = changes.stream().filter(c -> c.path("entity").asText().equals("item") && c.path("key").asText().equals("ITEM-0001"))
                .findFirst().orElseThrow().get("data");
        assertThat(pen.path("unit").asText()).isEqualTo("unit");
        assertThat(pen.path("priceList").asText()).isEqualTo("Standard Selling");
        assertThat(pen.path("priceMinor").asLong()).isEqualTo(150);
        JsonNode profile = changes.stream().filter(c -> c.path("entity").asText().equals("profile")).findFirst().orElseThrow().get("data");
        assertThat(profile.at("/modes/0/name").asText()).isEqualTo("Cash");
        assertThat(profile.at("/modes/0/type").asText()).isEqualTo("cash");
        assertThat(profile.at("/modes/0/opensDrawer").asBoolean()).isTrue();
        assertThat(profile.path("pullIntervalSeconds").asInt()).isEqualTo(60);
        JsonNode stock = changes.stream().filter(c -> c.path("entity").asText().equals("stock")).findFirst().orElseThrow().get("data");
        assertThat(stock.path("qtyMilli").asLong()).isEqualTo(stock.path("qty").asLong() * 1000);
    }

    @Test
    void anItemIsSoldOnlyUnderAPriceListThatPricesIt() {
        String code = "LISTED-" + System.nanoTime();
        server.services().jdbi().useTransaction(h -> {
            server.services().catalog().ensurePriceList(h, "Wholesale", "USD", 2, false);
            server.services().catalog().upsertItem(h, new ItemData(code, "Wholesale only", List.of(), 90, 1500, true,
                    "unit", null, null, "Wholesale", false));
        });
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Http device = d.http().with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2);
        assertThat(pullAll(device)).noneMatch(c -> c.path("key").asText().equals(code));
        server.services().jdbi().useTransaction(h -> server.services().catalog().upsertItem(h,
                new ItemData(code, "Wholesale only", List.of(), 120, 1500, true)));
        JsonNode item = pullAll(device).stream().filter(c -> c.path("key").asText().equals(code)).findFirst().orElseThrow();
        assertThat(item.at("/data/priceMinor").asLong()).isEqualTo(120);
    }
}
