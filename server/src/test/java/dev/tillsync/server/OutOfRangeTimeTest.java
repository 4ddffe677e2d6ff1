package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An invoice time beyond PostgreSQL's timestamptz range (found by the reliability fuzzing: postedAt as epoch seconds
 * 9007199254740993, the year 285428751) failed its whole batch with a 500 on every resend; it is refused on its own.
 */
class OutOfRangeTimeTest {
    private final TillServer server = SharedServer.get();

    @Test
    void anInvoicePostedInTheYear285428751IsRefusedAndTheRowsAfterItApply() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        InvoiceLine pen = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", 1, 150, 1500);
        SyncRow far = Fixtures.invoiceRow(1, d.invoiceSeries() + "000001", d.profileKey(), List.of(pen), List.of(new Payment("Cash", pen.totalMinor(), null)));
        ((ObjectNode) far.payload()).put("postedAt", 9_007_199_254_740_993L);
        SyncRow good = Fixtures.invoiceRow(2, d.invoiceSeries() + "000002", d.profileKey(), List.of(pen), List.of(new Payment("Cash", pen.totalMinor(), null)));
        Http.Response r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(far, good)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        PushResult result = r.as(PushResult.class);
        assertThat(result.results()).extracting(RowResult::outcome).containsExactly(RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(result.results().get(0).code()).isEqualTo("invalid_payload");
        assertThat(result.results().get(0).message()).contains("years 1 to 9999");
    }
}
