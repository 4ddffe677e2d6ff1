package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.report.SyncStatusReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over the real HTTP API: a till that re-uses its own sequence numbers (a restored data folder) is refused without
 * overwriting anything, the refused row is kept for review, and a till that asks is told the device's high-water
 * marks; a till that does not ask gets the answers it always got.
 */
class HighWaterTest {
    private final TillServer server = SharedServer.get();

    @Test
    void aReusedSequenceIsKeptAsACollisionAndTheMarksGoOnlyToATillThatAsks() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Http asking = d.http().with(SyncHeaders.FEATURES, SyncHeaders.HIGH_WATER);
        SyncRow one = Fixtures.penSale(d, 1, 1, 1);
        PushResult first = asking.post("/sync/push", new PushBatch(d.posId(), d.profileKey(),
                List.of(one, Fixtures.penSale(d, 2, 2, 1), Fixtures.penSale(d, 3, 3, 1)))).as(PushResult.class);
        assertThat(first.highWater()).isEqualTo(new HighWater(3, d.invoiceSeries() + "000003"));

        // An older till (no feature header) sees no new field: its strict JSON reader would refuse one.
        Http.Response old = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(one)));
        assertThat(old.body().has("highWater")).isFalse();
        assertThat(old.as(PushResult.class).results().get(0).outcome()).isEqualTo(RowOutcome.DUPLICATE);
        assertThat(d.http().get("/sync/pull?cursor=&limit=5").body().has("highWater")).isFalse();
        assertThat(asking.get("/sync/pull?cursor=&limit=5").as(PullPage.class).highWater())
                .isEqualTo(new HighWater(3, d.invoiceSeries() + "000003"));

        // The restored till sells again under sequence 2 and invoice 2: refused, nothing overwritten, kept for review.
        SyncRow again = Fixtures.penSale(d, 2, 2, 7);
        PushResult refused = asking.post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(again))).as(PushResult.class);
        assertThat(refused.results().get(0).code()).isEqualTo("seq_conflict");
        assertThat(refused.highWater().seq()).isEqualTo(3);
        SyncStatusReport.Report status = server.services().syncStatus().forDevice(d.posId(), null);
        assertThat(status.summary().rejected()).isEqualTo(1);
        assertThat(status.collisions()).singleElement().satisfies(c -> {
            assertThat(c.uuid()).isEqualTo(again.uuid());
            assertThat(c.existingNumber()).isEqualTo(d.invoiceSeries() + "000002");
            assertThat(c.payload()).contains("\"qty\":7");
            assertThat(c.resentSeq()).isNull();
        });
        assertThat(server.services().reconciliation().report(d.posId(), null, null).devices().get(0).rejectedCount()).isEqualTo(1);

        // Sent again under a new sequence (same uuid) and a new number naming the printed one: accepted once, flagged.
        SyncRow resent = new SyncRow(again.uuid(), 4, again.kind(), again.createdAt(),
                renumbered(again, d.invoiceSeries() + "000004", d.invoiceSeries() + "000002"));
        PushResult ok = asking.post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(resent))).as(PushResult.class);
        assertThat(ok.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(ok.results().get(0).review()).isTrue();
        assertThat(ok.results().get(0).message()).contains("receipt as " + d.invoiceSeries() + "000002");
        assertThat(ok.highWater()).isEqualTo(new HighWater(4, d.invoiceSeries() + "000004"));
        PushResult dup = asking.post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(resent))).as(PushResult.class);
        assertThat(dup.results().get(0).outcome()).isEqualTo(RowOutcome.DUPLICATE);
        SyncStatusReport.Report after = server.services().syncStatus().forDevice(d.posId(), null);
        assertThat(after.collisions()).singleElement().satisfies(c -> assertThat(c.resentSeq()).isEqualTo(4L));
        assertThat(after.rows()).filteredOn(e -> e.seq() == 4).singleElement()
                .satisfies(e -> assertThat(e.printedNumber()).isEqualTo(d.invoiceSeries() + "000002"));
        assertThat(invoices(d.posId())).isEqualTo(4);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode renumbered(SyncRow row, String number, String printed) {
        com.fasterxml.jackson.databind.node.ObjectNode p = row.payload().deepCopy();
        p.put("number", number);
        p.put("printedNumber", printed);
        return p;
    }

    private long invoices(String posId) {
        return server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = :p")
                .bind("p", posId).mapTo(Long.class).one());
    }
}
