package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.SyncRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A push batch is one transaction: stock is moved once per item, flags name the row that went below zero, resends are counted. */
class BatchIngestTest {
    private final TillServer server = SharedServer.get();
    private final Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));

    private static SyncRow sale(Fixtures.Linked d, long seq, String item, long qty) {
        InvoiceLine line = InvoiceLine.of(item, "Batch test item", qty, 100, 0);
        return Fixtures.invoiceRow(seq, d.invoiceSeries() + String.format("%06d", seq), d.profileKey(), List.of(line),
                List.of(new Payment("Cash", line.totalMinor(), null)));
    }

    @Test
    void onlyTheRowThatTakesStockBelowZeroIsFlaggedWithItsOwnLevel() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String item = "ITEM-0150";
        PushResult r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(),
                List.of(sale(d, 1, item, 1), sale(d, 2, item, 1_000_000), sale(d, 3, item, 2)))).as(PushResult.class);

        assertThat(r.results()).extracting(x -> x.outcome()).containsOnly(RowOutcome.ACCEPTED);
        // Every row is flagged for its price; only rows 2 and 3 for stock (demo stock is 50-500).
        assertThat(r.results().get(0).message()).contains("server price").doesNotContain("stock of");
        assertThat(r.results().get(1).message()).contains("stock of " + item);
        assertThat(r.results().get(2).message()).contains("stock of " + item);
        long afterSecond = level(r.results().get(1).message());
        assertThat(level(r.results().get(2).message())).isEqualTo(afterSecond - 2);
    }

    @Test
    void resendsAreCountedOnTheTransactionsSyncStatus() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow a = sale(d, 1, "ITEM-0151", 1), b = sale(d, 2, "ITEM-0151", 1);
        d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(a, b, a))).as(PushResult.class);
        PushResult again = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(a))).as(PushResult.class);
        assertThat(again.results().get(0).outcome()).isEqualTo(RowOutcome.DUPLICATE);
        assertThat(again.results().get(0).original()).isEqualTo(RowOutcome.ACCEPTED);

        var status = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(status.body().at("/rows/0/duplicateCount").asInt()).isEqualTo(2);
        assertThat(status.body().at("/rows/0/lastDuplicateAt").asText()).isNotBlank();
        assertThat(status.body().at("/rows/1/duplicateCount").asInt()).isZero();
        assertThat(status.body().at("/summary/duplicates").asLong()).isEqualTo(2);
    }

    @Test
    void aUuidRepeatedInOneBatchAnswersWhatItsFirstCopyAnsweredAndIsNotAppliedTwice() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRow unknown = sale(d, 1, "NO-SUCH-ITEM", 1), sold = sale(d, 2, "ITEM-0152", 1);
        PushResult r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(unknown, sold, unknown, sold)))
                .as(PushResult.class);

        assertThat(r.results()).extracting(x -> x.outcome())
                .containsExactly(RowOutcome.REJECTED, RowOutcome.ACCEPTED, RowOutcome.DUPLICATE, RowOutcome.DUPLICATE);
        assertThat(r.results().get(2).original()).isEqualTo(RowOutcome.REJECTED);
        assertThat(r.results().get(2).code()).isEqualTo("unknown_item").isEqualTo(r.results().get(0).code());
        assertThat(r.results().get(2).message()).isEqualTo(r.results().get(0).message());
        assertThat(r.results().get(3).original()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(r.results().get(3).message()).isEqualTo(r.results().get(1).message());

        var status = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(status.body().at("/summary/accepted").asLong()).isEqualTo(1);
        assertThat(status.body().at("/summary/rejected").asLong()).isEqualTo(1);
        assertThat(status.body().at("/rows/0/duplicateCount").asInt()).isEqualTo(1);
        assertThat(status.body().at("/rows/1/duplicateCount").asInt()).isEqualTo(1);
    }

    private static long level(String message) {
        String tail = message.substring(message.lastIndexOf("is now ") + "is now ".length());
        return Long.parseLong(tail.split("[;\\s]")[0]);
    }
}
