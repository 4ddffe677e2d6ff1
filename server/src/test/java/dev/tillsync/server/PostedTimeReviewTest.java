package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.admin.DemoSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A till with a wrong clock, through the real HTTP API (issue 15, point 10): its invoices are accepted in sequence
 * order and flagged for review when their posted times cannot be right; the clock offset it reports is on its record.
 */
class PostedTimeReviewTest {
    private final TillServer server = SharedServer.get();
    /** An item of this test alone, well stocked: no other flag (price, stock below zero) mixes with the clock's. */
    private final String item = "CLOCK-" + System.nanoTime();

    PostedTimeReviewTest() {
        server.services().jdbi().useTransaction(h -> {
            server.services().catalog().upsertItem(h, new ItemData(item, "Clock test item", List.of(), 150, 1500, true));
            server.services().catalog().setStockMilli(h, DemoSeed.WAREHOUSE, item, 1_000_000);
        });
    }

    private SyncRow sale(Fixtures.Linked d, long seq, Instant postedAt) {
        InvoiceLine line = InvoiceLine.of(item, "Clock test item", 1, 150, 1500);
        List<InvoiceLine> lines = List.of(line);
        InvoicePayload p = new InvoicePayload(d.invoiceSeries() + String.format("%06d", seq), postedAt, null, "amira@demo.shop", null,
                true, null, d.profileKey(), lines, List.of(new Payment("Cash", line.totalMinor(), null)), 0,
                InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), InvoiceMath.grandTotal(lines));
        return Fixtures.row(seq, RowKind.INVOICE, p);
    }

    @Test
    void invoicesPostedInTheFutureOrFarBeforeTheDevicesPreviousOneAreAcceptedAndFlagged() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Instant now = Instant.now();
        List<SyncRow> rows = List.of(
                sale(d, 1, now.minus(Duration.ofHours(2))),        // made offline two hours ago: fine
                sale(d, 2, now.plus(Duration.ofDays(3))),          // the till's clock 3 days ahead
                sale(d, 3, now.minus(Duration.ofMinutes(30))),     // clock put right: 3 days before the previous invoice
                sale(d, 4, now.plus(Duration.ofMinutes(5))));      // 5 minutes fast, within the 10-minute tolerance
        PushResult first = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows)).as(PushResult.class);
        assertThat(first.results()).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        assertThat(first.results()).extracting(RowResult::review).containsExactly(false, true, true, false);
        assertThat(first.results().get(1).message()).contains("after the server's time (tolerance 10 min 0 s)")
                .contains("check the till's clock");
        assertThat(first.results().get(2).message()).contains("before the device's previous invoice " + d.invoiceSeries() + "000002")
                .contains("tolerance 1 h 0 min");

        // The previous invoice of a later batch's first row is read from the store: seq 4, posted 5 minutes ahead.
        PushResult second = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(),
                List.of(sale(d, 5, now.minus(Duration.ofHours(2)))))).as(PushResult.class);
        assertThat(second.results().get(0).review()).isTrue();
        assertThat(second.results().get(0).message()).contains("before the device's previous invoice " + d.invoiceSeries() + "000004");

        String token = Fixtures.token(server, "manager@demo.shop", "manager-pass");
        JsonNode report = new Http(server.baseUrl()).bearer(token).get("/reports/reconciliation?posId=" + d.posId()).body();
        assertThat(report.at("/devices/0/salesCount").asLong()).isEqualTo(5);
        assertThat(report.at("/devices/0/flagged")).hasSize(3);
    }

    @Test
    void theClockOffsetATillReportsWithAPushIsOnItsDeviceRecord() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Http api = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        assertThat(api.get("/devices/" + d.posId()).body().path("clockOffset").path("millis").isMissingNode()).isTrue(); // none yet

        long threeDays = Duration.ofDays(3).toMillis();
        Instant before = Instant.now();
        PushResult pushed = d.http().with(SyncHeaders.CLOCK_OFFSET, Long.toString(threeDays))
                .post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(sale(d, 1, Instant.now())))).as(PushResult.class);
        assertThat(pushed.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        JsonNode offset = api.get("/devices/" + d.posId()).body().get("clockOffset");
        assertThat(offset.get("millis").asLong()).isEqualTo(threeDays);
        assertThat(Instant.parse(offset.get("measuredAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));

        // A push without the header keeps the last offset; a malformed one is refused with nothing applied.
        d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(sale(d, 2, Instant.now()))));
        assertThat(api.get("/devices/" + d.posId()).body().at("/clockOffset/millis").asLong()).isEqualTo(threeDays);
        Http.Response bad = d.http().with(SyncHeaders.CLOCK_OFFSET, "soon")
                .post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(sale(d, 3, Instant.now()))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("invalid_clock_offset");
        int invoices = server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sales_invoice i join pos_offline p on p.id = i.device_id where p.pos_id = :p")
                .bind("p", d.posId()).mapTo(Integer.class).one());
        assertThat(invoices).isEqualTo(2);
    }
}
