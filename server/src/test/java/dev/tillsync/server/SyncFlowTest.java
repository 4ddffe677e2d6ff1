package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.admin.DemoSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncFlowTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());

    @Test
    void healthAnswersWithoutAuthentication() {
        Http.Response r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void linkCodeWorksOnceAndReplayIsRefused() {
        server.admin().createDevice("POS-LINK1", "Main Store", null, null, null, null);
        String code = server.admin().issueLinkCode("POS-LINK1");
        Http.Response first = http.post("/terminal/link", new LinkRequest(code, "till"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("deviceSecret").asText()).hasSize(64);
        assertThat(first.body().at("/config/connectionStatus").asText()).isEqualTo("Linked");
        assertThat(first.body().at("/config/invoiceSeries").asText()).isEqualTo("POS-LINK1-");
        Http.Response replay = http.post("/terminal/link", new LinkRequest(code, "till"));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.error()).isEqualTo("invalid_link_code");
        assertThat(http.post("/terminal/link", new LinkRequest("NOPE-NOPE", "x")).error()).isEqualTo("invalid_link_code");
    }

    @Test
    void relinkIssuesNewSecretAndRevokesOld() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String code = server.admin().issueLinkCode(d.posId());
        Http.Response again = http.post("/terminal/link", new LinkRequest(code, "till"));
        String newSecret = again.body().get("deviceSecret").asText();
        assertThat(newSecret).isNotEqualTo(d.secret());
        assertThat(d.http().get("/sync/pull").status()).isEqualTo(401);
        assertThat(http.device(d.posId(), newSecret).get("/sync/pull").status()).isEqualTo(200);
    }

    @Test
    void pushAcceptsThenAnswersDuplicateWithOriginalOutcomes() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow sale = Fixtures.penSale(d, 1, 1, 2);
        SyncRow bad = Fixtures.invoiceRow(2, d.invoiceSeries() + "000002", d.profileKey(),
                List.of(InvoiceLine.of("NO-SUCH-ITEM", "Ghost", 1, 100, 0)), List.of(new Payment("Cash", 100, null)));
        SyncRow later = Fixtures.penSale(d, 3, 3, 1);
        PushBatch batch = new PushBatch(d.posId(), d.profileKey(), List.of(sale, bad, later));

        PushResult first = d.http().post("/sync/push", batch).as(PushResult.class);
        assertThat(first.connectionStatus()).isEqualTo(ConnectionStatus.LINKED);
        assertThat(first.results()).extracting(r -> r.outcome()).containsExactly(RowOutcome.ACCEPTED, RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(first.results().get(1).code()).isEqualTo("unknown_item");
        assertThat(first.results().get(0).review()).isFalse();

        PushResult replay = d.http().post("/sync/push", batch).as(PushResult.class);
        // Accepted rows answer duplicate with their original outcome; the rejected one (no effect) is judged again.
        assertThat(replay.results()).extracting(r -> r.outcome()).containsExactly(RowOutcome.DUPLICATE, RowOutcome.REJECTED, RowOutcome.DUPLICATE);
        assertThat(replay.results()).extracting(r -> r.original()).containsExactly(RowOutcome.ACCEPTED, null, RowOutcome.ACCEPTED);
        assertThat(replay.results().get(1).code()).isEqualTo("unknown_item");
        assertThat(replay.results().get(0).isSynced()).isTrue();
        assertThat(replay.results().get(1).isSynced()).isFalse();

        Integer invoices = server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = :p")
                .bind("p", d.posId()).mapTo(Integer.class).one());
        assertThat(invoices).isEqualTo(2);
    }

    @Test
    void aRowTwiceInOneBatchIsAppliedOnceAndTheRepeatGetsTheFirstCopysAnswer() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow sale = Fixtures.penSale(d, 1, 1, 2);
        String code = "TWICE-" + System.nanoTime();
        SyncRow late = Fixtures.invoiceRow(2, d.invoiceSeries() + "000002", d.profileKey(),
                List.of(InvoiceLine.of(code, "Late item", 1, 100, 0)), List.of(new Payment("Cash", 100, null)));

        PushResult first = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(sale, late, sale, late)))
                .as(PushResult.class);
        assertThat(first.results()).extracting(r -> r.outcome())
                .containsExactly(RowOutcome.ACCEPTED, RowOutcome.REJECTED, RowOutcome.DUPLICATE, RowOutcome.DUPLICATE);
        assertThat(first.results()).extracting(r -> r.original()).containsExactly(null, null, RowOutcome.ACCEPTED, RowOutcome.REJECTED);
        assertThat(first.results().get(3).code()).isEqualTo("unknown_item");
        assertThat(first.results().get(3).isSynced()).isFalse();

        // The rejected row, twice in one batch after the fix: judged afresh once, applied once, the repeat answered duplicate.
        server.services().jdbi().useTransaction(h -> server.services().catalog()
                .upsertItem(h, new dev.tillsync.core.master.ItemData(code, "Late item", List.of(), 100, 0, true)));
        PushResult second = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(late, late))).as(PushResult.class);
        assertThat(second.results()).extracting(r -> r.outcome()).containsExactly(RowOutcome.ACCEPTED, RowOutcome.DUPLICATE);
        assertThat(second.results().get(1).original()).isEqualTo(RowOutcome.ACCEPTED);

        var counts = server.services().jdbi().withHandle(h -> h.createQuery("""
                        select (select count(*) from sales_invoice i where i.device_id = d.id),
                               (select count(*) from stock_ledger l where l.sync_uuid = :late),
                               (select string_agg(s.outcome || '/' || s.duplicate_count, ',' order by s.seq) from pos_offline_sync_status s where s.device_id = d.id)
                        from pos_offline d where d.pos_id = :p
                        """).bind("p", d.posId()).bind("late", late.uuid())
                .map((rs, c) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).one());
        assertThat(counts).containsExactly("2", "1", "accepted/1,accepted/2");
    }

    @Test
    void aRejectedRowSentAgainIsJudgedAfreshAndAppliedOnce() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String code = "LATE-" + System.nanoTime();
        SyncRow row = Fixtures.invoiceRow(1, d.invoiceSeries() + "000001", d.profileKey(),
                List.of(InvoiceLine.of(code, "Late item", 1, 100, 0)), List.of(new Payment("Cash", 100, null)));
        PushBatch batch = new PushBatch(d.posId(), d.profileKey(), List.of(row));
        assertThat(d.http().post("/sync/push", batch).as(PushResult.class).results().get(0).code()).isEqualTo("unknown_item");

        server.services().jdbi().useTransaction(h -> server.services().catalog()
                .upsertItem(h, new dev.tillsync.core.master.ItemData(code, "Late item", List.of(), 100, 0, true)));
        assertThat(d.http().post("/sync/push", batch).as(PushResult.class).results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        PushResult third = d.http().post("/sync/push", batch).as(PushResult.class);
        assertThat(third.results().get(0).outcome()).isEqualTo(RowOutcome.DUPLICATE);
        assertThat(third.results().get(0).original()).isEqualTo(RowOutcome.ACCEPTED);
        Integer invoices = server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = :p")
                .bind("p", d.posId()).mapTo(Integer.class).one());
        assertThat(invoices).isEqualTo(1);
    }

    @Test
    void reusedUuidWithOtherContentIsRejected() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow sale = Fixtures.penSale(d, 1, 1, 1);
        d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(sale)));
        SyncRow other = Fixtures.penSale(d, 2, 2, 5);
        SyncRow forged = new SyncRow(sale.uuid(), 2, other.kind(), other.createdAt(), other.payload());
        PushResult r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(forged))).as(PushResult.class);
        assertThat(r.results().get(0).outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(r.results().get(0).code()).isEqualTo("uuid_conflict");
    }

    @Test
    void flaggedSaleIsAcceptedWithReasons() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        InvoiceLine cheap = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", 1, 100, 1500);
        SyncRow row = Fixtures.invoiceRow(1, d.invoiceSeries() + "000001", "stale-key", List.of(cheap),
                List.of(new Payment("Cash", 200, null)));
        PushResult r = d.http().post("/sync/push", new PushBatch(d.posId(), "stale-key", List.of(row))).as(PushResult.class);
        assertThat(r.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(r.results().get(0).review()).isTrue();
        assertThat(r.results().get(0).message()).contains("server price is 1.50").contains("profile");
    }

    @Test
    void pullGivesSnapshotThenIncrementalChangesIncludingStockAfterASale() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Map<String, Change> all = new HashMap<>();
        String cursor = null;
        int pages = 0;
        PullPage page;
        do {
            page = d.http().get("/sync/pull?limit=150" + (cursor == null ? "" : "&cursor=" + cursor)).as(PullPage.class);
            for (Change c : page.changes()) all.put(c.entity() + "|" + c.key(), c);
            cursor = page.nextCursor();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isGreaterThan(2);
        assertThat(all).containsKeys("item|ITEM-0001", "item|ITEM-0200", "stock|ITEM-0001", "profile|Main Store",
                "device|" + d.posId(), "device_user|amira@demo.shop", "shift_type|Morning");
        assertThat(all).doesNotContainKey("device|POS-0001");
        assertThat(all).doesNotContainKey("device_user|ben@demo.shop");
        JsonNode pen = all.get("item|ITEM-0001").data();
        assertThat(pen.get("barcodes").get(0).asText()).isEqualTo("4006381333931");
        assertThat(pen.get("priceMinor").asLong()).isEqualTo(150);
        assertThat(all.get("device_user|amira@demo.shop").data().get("pinHash").asText()).startsWith("$2");
        assertThat(all.get("profile|Main Store").data().get("profileKey").asText()).isEqualTo(d.profileKey());

        PullPage empty = d.http().get("/sync/pull?cursor=" + cursor).as(PullPage.class);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.hasMore()).isFalse();

        long before = all.get("stock|ITEM-0001").data().get("qty").asLong();
        Fixtures.Linked other = Fixtures.linkedDevice(server, 500);
        other.http().post("/sync/push", new PushBatch(other.posId(), other.profileKey(), List.of(Fixtures.penSale(other, 1, 1, 3))));
        PullPage after = d.http().get("/sync/pull?cursor=" + cursor).as(PullPage.class);
        List<Change> stock = new ArrayList<>(after.changes().stream().filter(c -> c.entity().equals(Entities.STOCK)).toList());
        assertThat(stock).extracting(Change::key).contains("ITEM-0001");
        long now = stock.stream().filter(c -> c.key().equals("ITEM-0001")).findFirst().orElseThrow().data().get("qty").asLong();
        assertThat(now).isLessThanOrEqualTo(before - 3);
    }

    @Test
    void pushesMarkStockLevelsAndThePullPublishesEachOnceWithItsLatestQuantity() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String cursor = null;
        PullPage page;
        do {
            page = d.http().get("/sync/pull?limit=5000" + (cursor == null ? "" : "&cursor=" + cursor)).as(PullPage.class);
            cursor = page.nextCursor();
        } while (page.hasMore());

        Fixtures.Linked other = Fixtures.linkedDevice(server, 500);
        long feedBefore = maxChangeSeq();
        for (int i = 1; i <= 3; i++) {
            PushResult r = other.http().post("/sync/push", new PushBatch(other.posId(), other.profileKey(),
                    List.of(Fixtures.penSale(other, i, i, 2)))).as(PushResult.class);
            assertThat(r.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        }
        // The pushes moved the level three times and wrote nothing to the pull feed ...
        assertThat(maxChangeSeq()).isEqualTo(feedBefore);
        long level = server.services().jdbi().withHandle(h -> h.createQuery("select qty_milli / 1000 from stock where warehouse = :w and item_code = 'ITEM-0001'")
                .bind("w", DemoSeed.WAREHOUSE).mapTo(Long.class).one());

        // ... the next pull publishes the level once, as it stands now, and the pull after that has nothing new.
        PullPage after = d.http().get("/sync/pull?cursor=" + cursor).as(PullPage.class);
        List<Change> pens = after.changes().stream().filter(c -> c.entity().equals(Entities.STOCK) && c.key().equals("ITEM-0001")).toList();
        assertThat(pens).hasSize(1);
        assertThat(pens.get(0).data().get("qty").asLong()).isEqualTo(level);
        assertThat(d.http().get("/sync/pull?cursor=" + after.nextCursor()).as(PullPage.class).changes()).isEmpty();
        long stillMarked = server.services().jdbi().withHandle(h -> h.createQuery("select count(*) from stock where unpublished and warehouse = :w")
                .bind("w", DemoSeed.WAREHOUSE).mapTo(Long.class).one());
        assertThat(stillMarked).isZero();
    }

    private long maxChangeSeq() {
        return server.services().jdbi().withHandle(h -> h.createQuery("select coalesce(max(seq), 0) from change_state").mapTo(Long.class).one());
    }

    @Test
    void invalidCursorIsRefused() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Http.Response r = d.http().get("/sync/pull?cursor=garbage!!");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_cursor");
    }

    @Test
    void seedDemoIsIdempotent() {
        long before = server.services().jdbi().withHandle(h -> h.createQuery("select coalesce(max(seq), 0) + (select count(*) from app_user) from change_state").mapTo(Long.class).one());
        server.admin().seedDemo();
        long after = server.services().jdbi().withHandle(h -> h.createQuery("select coalesce(max(seq), 0) + (select count(*) from app_user) from change_state").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
        var d = server.admin().showDevice("POS-0001");
        assertThat(d.invoiceSeries()).isEqualTo("POS-0001-");
        assertThat(d.users()).hasSize(2);
        assertThat(d.shiftUsers()).hasSize(2);
    }
}
