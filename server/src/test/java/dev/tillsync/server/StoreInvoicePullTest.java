package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pull's store_invoice records and price lists for sale-v2 tills: the recent sales of the till's own store (not of
 * another store, not older than store-invoice-days), sent again with what came back when a return is ingested; items of
 * every active price list; a till without the feature gets neither.
 */
class StoreInvoicePullTest {
    private final TillServer server = SharedServer.get();

    record Pulled(List<JsonNode> changes, String cursor) {
        List<JsonNode> of(String entity) {
            return changes.stream().filter(c -> c.path("entity").asText().equals(entity)).toList();
        }

        Set<String> keys(String entity) {
            return of(entity).stream().map(c -> c.path("key").asText()).collect(Collectors.toSet());
        }
    }

    static Pulled pull(Http device, String cursor) {
        List<JsonNode> changes = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            Http.Response r = device.get("/sync/pull?limit=500&cursor=" + cursor);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            r.body().path("changes").forEach(changes::add);
            cursor = r.body().path("nextCursor").asText();
            if (!r.body().path("hasMore").asBoolean()) break;
        }
        return new Pulled(changes, cursor);
    }

    @Test
    void aSaleV2TillGetsTheRecentSalesOfItsStoreAndTheirReturnsAnOldTillNone() throws Exception {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till neighbour = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till oldTill = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till elsewhere = StoreTills.till(server, StoreTills.STORE_B);
        InvoicePayload today = StoreTills.sale(seller, 0), lastWeek = StoreTills.sale(seller, 7), twoMonths = StoreTills.sale(seller, 40);
        InvoicePayload otherStore = StoreTills.sale(elsewhere, 0);
        assertThat(StoreTills.push(seller, today, lastWeek, twoMonths)).extracting(r -> r.outcome()).containsOnly(RowOutcome.ACCEPTED);
        assertThat(StoreTills.push(elsewhere, otherStore).get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);

        // The push only marked the sales (no change-feed lock); the store's next sale-v2 pull publishes them.
        assertThat(inFeed(today.number())).isZero();
        Pulled first = pull(neighbour.v2(), "");
        assertThat(inFeed(today.number())).isOne();
        assertThat(first.keys(Entities.STORE_INVOICE)).contains(today.number(), lastWeek.number())
                .doesNotContain(twoMonths.number(), otherStore.number());
        JsonNode data = first.of(Entities.STORE_INVOICE).stream().filter(c -> c.path("key").asText().equals(today.number()))
                .findFirst().orElseThrow().get("data");
        ReturnableInvoice sent = Http.JSON.treeToValue(data, ReturnableInvoice.class);
        assertThat(sent.posId()).isEqualTo(seller.posId());
        assertThat(sent.lines()).hasSize(2);
        assertThat(sent.lines().get(0).returnedMilli()).isZero();
        assertThat(sent.payments()).isEqualTo(today.payments());
        assertThat(pull(elsewhere.v2(), "").keys(Entities.STORE_INVOICE)).contains(otherStore.number()).doesNotContain(today.number());

        Http oldRelease = oldTill.http().with(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER + "," + SyncHeaders.MASTER_V2);
        assertThat(pull(oldRelease, "").of(Entities.STORE_INVOICE)).isEmpty();
        assertThat(pull(oldTill.http(), "").of(Entities.STORE_INVOICE)).isEmpty();

        // A return from the neighbour: the sale comes again, with what came back; the till keeps the newest.
        InvoicePayload back = StoreTills.returnOf(neighbour, today.number(), sent.lines().get(0), 0, 2000);
        assertThat(StoreTills.push(neighbour, back).get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        Pulled next = pull(neighbour.v2(), first.cursor());
        List<JsonNode> again = next.of(Entities.STORE_INVOICE);
        assertThat(again).extracting(c -> c.path("key").asText()).containsExactly(today.number());
        assertThat(again.get(0).at("/data/lines/0/returnedMilli").asLong()).isEqualTo(2000);
        assertThat(next.keys(Entities.STORE_INVOICE)).doesNotContain(back.number());
    }

    private long inFeed(String number) {
        Long n = server.services().jdbi().withHandle(h -> h.createQuery("select count(*) from change_state where entity = 'store_invoice' and key = :n")
                .bind("n", number).mapTo(Long.class).one());
        return n;
    }

    @Test
    void theWindowIsTheStoreInvoiceDaysSetting() {
        Http admin = new Http(server.baseUrl()).bearer(Fixtures.token(server, "admin@demo.shop", "admin-pass"));
        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        assertThat(viewer.get("/settings").body().path("storeInvoiceDays").asInt()).isEqualTo(30);
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till neighbour = StoreTills.till(server, StoreTills.STORE_A);
        InvoicePayload tenDays = StoreTills.sale(seller, 10);
        StoreTills.push(seller, tenDays);
        assertThat(pull(neighbour.v2(), "").keys(Entities.STORE_INVOICE)).contains(tenDays.number());
        try {
            Http.Response bad = admin.put("/settings", Map.of("storeInvoiceDays", -1));
            assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
            assertThat(bad.error()).isEqualTo("invalid_store_invoice_days");
            Http.Response byManager = new Http(server.baseUrl()).bearer(Fixtures.token(server, "manager@demo.shop", "manager-pass"))
                    .put("/settings", Map.of("storeInvoiceDays", 5));
            assertThat(byManager.status()).isEqualTo(403);
            Http.Response set = admin.put("/settings", Map.of("storeInvoiceDays", 5));
            assertThat(set.status()).as(set.raw()).isEqualTo(200);
            assertThat(set.body().path("storeInvoiceDays").asInt()).isEqualTo(5);
            assertThat(set.body().path("timeZone").asText()).isNotEmpty();
            assertThat(pull(neighbour.v2(), "").keys(Entities.STORE_INVOICE)).doesNotContain(tenDays.number());
        } finally {
            assertThat(admin.put("/settings", Map.of("storeInvoiceDays", 30)).status()).isEqualTo(200);
        }
    }

    @Test
    void aSaleV2TillGetsTheItemsOfEveryActivePriceListAnOldTillOnlyItsOwn() {
        server.services().jdbi().useTransaction(h -> {
            server.services().catalog().ensurePriceList(h, "T17R Retired", "USD", 2, false);
            server.services().catalog().upsertItem(h, new dev.tillsync.core.master.ItemData(StoreTills.PEN, "Pen", List.of(), 999, 1500,
                    true, "unit", null, null, "T17R Retired", false));
            h.execute("update price_list set active = false where name = 'T17R Retired'");
        });
        StoreTills.Till t = StoreTills.till(server, StoreTills.STORE_A);
        Set<String> lists = pull(t.v2(), "").of(Entities.ITEM).stream().map(c -> c.at("/data/priceList").asText()).collect(Collectors.toSet());
        assertThat(lists).contains(StoreTills.LIST, dev.tillsync.server.catalog.Catalog.DEFAULT_PRICE_LIST).doesNotContain("T17R Retired");
        Http v2only = t.http().with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2);
        Set<String> own = pull(v2only, "").of(Entities.ITEM).stream().map(c -> c.at("/data/priceList").asText()).collect(Collectors.toSet());
        assertThat(own).containsExactly(StoreTills.LIST);
    }
}
