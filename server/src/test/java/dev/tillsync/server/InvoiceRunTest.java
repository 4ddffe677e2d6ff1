package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Consecutive invoices of a push are checked one by one and inserted together: the batch must still behave
 * as if its rows were applied one after another (numbers taken once, rows between invoices seen by the
 * invoices after them, a rejected invoice leaving nothing behind).
 */
class InvoiceRunTest {
    private final TillServer server = SharedServer.get();
    private final Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));

    private static SyncRow invoice(Fixtures.Linked d, long seq, String number, String item, long qty, String customer, String returnAgainst) {
        InvoiceLine line = InvoiceLine.of(item, "Ballpoint Pen Blue", qty, 150, 1500);
        List<InvoiceLine> lines = List.of(line);
        List<Payment> payments = List.of(new Payment("Cash", line.totalMinor(), null));
        long grand = InvoiceMath.grandTotal(lines);
        InvoicePayload p = new InvoicePayload(number, Instant.parse("2024-05-31T10:00:00Z"), customer, "amira@demo.shop", null, true,
                returnAgainst, d.profileKey(), lines, payments, 0, InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
        return Fixtures.row(seq, RowKind.INVOICE, p);
    }

    private static String no(Fixtures.Linked d, int n) {
        return d.invoiceSeries() + String.format("%06d", n);
    }

    private static PushResult push(Fixtures.Linked d, SyncRow... rows) {
        return d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(rows))).as(PushResult.class);
    }

    @Test
    void aNumberTakenEarlierInTheBatchOrByAnEarlierBatchIsRejectedAndTheRowsAfterItStillApply() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        PushResult first = push(d, invoice(d, 1, no(d, 1), "ITEM-0001", 1, null, null),
                invoice(d, 2, no(d, 1), "ITEM-0001", 1, null, null),
                invoice(d, 3, no(d, 3), "ITEM-0001", 1, null, null));
        assertThat(first.results()).extracting(RowResult::outcome)
                .containsExactly(RowOutcome.ACCEPTED, RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(first.results().get(1).code()).isEqualTo("duplicate_number");

        PushResult second = push(d, invoice(d, 4, no(d, 3), "ITEM-0001", 1, null, null),
                invoice(d, 5, no(d, 5), "ITEM-0001", 1, null, null));
        assertThat(second.results()).extracting(RowResult::outcome).containsExactly(RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(second.results().get(0).code()).isEqualTo("duplicate_number");

        var status = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(status.body().at("/summary/accepted").asLong()).isEqualTo(3);
        assertThat(status.body().at("/summary/rejected").asLong()).isEqualTo(2);
    }

    @Test
    void aRejectedInvoiceInsideARunLeavesNothingAndARetryAfterTheFixIsAccepted() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String code = "LATE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        SyncRow unknown = invoice(d, 2, no(d, 2), code, 1, null, null);
        PushResult r = push(d, invoice(d, 1, no(d, 1), "ITEM-0001", 1, null, null), unknown,
                invoice(d, 3, no(d, 3), "ITEM-0001", 1, null, null));
        assertThat(r.results()).extracting(RowResult::outcome)
                .containsExactly(RowOutcome.ACCEPTED, RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(r.results().get(1).code()).isEqualTo("unknown_item");

        server.services().jdbi().useTransaction(h -> server.services().catalog()
                .upsertItem(h, new dev.tillsync.core.master.ItemData(code, "Created after the sale", List.of(), 150, 1500, true)));
        PushResult again = push(d, unknown);
        assertThat(again.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        // The number was never taken by the rejected attempt, so a later row with it is a duplicate of this one only.
        assertThat(push(d, invoice(d, 4, no(d, 2), "ITEM-0001", 1, null, null)).results().get(0).code()).isEqualTo("duplicate_number");
    }

    @Test
    void rowsBetweenInvoicesAreSeenByTheInvoicesAfterThem() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String customer = d.customerSeries() + "000001";
        PushResult r = push(d,
                invoice(d, 1, no(d, 1), "ITEM-0001", 1, customer, null),
                Fixtures.customerRow(2, customer, "Run Test Customer", null),
                invoice(d, 3, no(d, 3), "ITEM-0001", 1, customer, null),
                invoice(d, 4, no(d, 4), "ITEM-0001", -1, null, no(d, 3)));
        assertThat(r.results()).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        assertThat(r.results().get(0).message()).contains("customer " + customer + " is not known yet");
        assertThat(r.results().get(2).review()).isFalse();
        // A return against an invoice earlier in the same batch is not "against an invoice the server has not received".
        assertThat(r.results().get(3).review()).isFalse();
    }

    @Test
    void aRowWithANulCharacterIsRefusedAndDoesNotHoldBackTheRowsAfterIt() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        InvoiceLine line = InvoiceLine.of("ITEM-0001", "Pen\u0000", 1, 150, 1500);
        InvoicePayload p = new InvoicePayload(no(d, 1), Instant.parse("2024-05-31T10:00:00Z"), null, "amira@demo.shop", null, true,
                null, d.profileKey(), List.of(line), List.of(new Payment("Cash", line.totalMinor(), null)), 0,
                InvoiceMath.netTotal(List.of(line)), InvoiceMath.taxTotal(List.of(line)), line.totalMinor());
        PushResult r = push(d, Fixtures.row(1, RowKind.INVOICE, p), invoice(d, 2, no(d, 2), "ITEM-0001", 1, null, null));
        assertThat(r.results()).extracting(RowResult::outcome).containsExactly(RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(r.results().get(0).code()).isEqualTo("invalid_payload");
        assertThat(r.results().get(0).message()).contains("NUL");
        var status = viewer.get("/devices/" + d.posId() + "/sync-status");
        assertThat(status.body().at("/summary/accepted").asLong()).isEqualTo(1);
    }
}
