package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * U+0000 where the reliability fuzzing (reliability/fuzz) found it answered 500: PostgreSQL refuses it in text, even as
 * a query parameter, so each request must refuse it (or refuse its row) before it reaches the database.
 */
class NulCharacterTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());

    /** The item code was read from the catalogue before the row's own NUL check: the whole batch failed on every resend. */
    @Test
    void aNulInAnItemCodeRefusesThatRowAndTheRowsAfterItApply() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRowPair p = pair(d);
        Http.Response r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), List.of(p.bad(), p.good())));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        PushResult result = r.as(PushResult.class);
        assertThat(result.results()).extracting(RowResult::outcome).containsExactly(RowOutcome.REJECTED, RowOutcome.ACCEPTED);
        assertThat(result.results().get(0).code()).isEqualTo("invalid_payload");
    }

    /** The same rows in an export file: the import goes through the same ingest. */
    @Test
    void aNulInAnItemCodeInAnExportFileRefusesThatRowOnly() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRowPair p = pair(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFile.write(out, d.posId(), List.of(p.bad(), p.good()), ExportFile.signingKey(d.secret()), Instant.now());
        Http.Response r = d.http().postBytes("/imports", out.toByteArray(), "application/octet-stream");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().path("accepted").asInt()).as(r.raw()).isEqualTo(1);
        assertThat(r.body().path("rejected").asInt()).as(r.raw()).isEqualTo(1);
    }

    /** The header's POS ID was looked up before the file was verified. */
    @Test
    void anExportFileWhosePosIdHasANulIsFromAnUnknownDevice() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFile.write(out, d.posId() + "\u0000", List.of(), ExportFile.signingKey(d.secret()), Instant.now());
        String manager = Fixtures.token(server, "manager@demo.shop", "manager-pass");
        Http.Response r = http.bearer(manager).postBytes("/imports", out.toByteArray(), "application/octet-stream");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("unknown_device");
    }

    /** The label was stored as given: the link failed with a 500 (after claiming the code, rolled back). */
    @Test
    void aLinkWithANulInTheLabelIsRefusedAndTheCodeStillWorks() {
        String posId = "POS-NUL-" + UUID.randomUUID().toString().substring(0, 6);
        server.admin().createDevice(posId, "Main Store", 500, posId + "-", "C" + posId + "-", "test till");
        String code = server.admin().issueLinkCode(posId);
        Http.Response refused = http.post("/terminal/link", new LinkRequest(code, "till\u0000one"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_device_label");
        Http.Response linked = http.post("/terminal/link", new LinkRequest(code, "till one"));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
    }

    /**
     * A uuid with a lone surrogate (invalid UTF-8 decodes to one, as does a \\ud800 escape) was accepted, but its
     * sync status and its invoice stored the uuid differently: an accepted row without its invoice, and its resend a
     * duplicate (found by the reliability fuzzing). The row is refused like one with U+0000.
     */
    @Test
    void aRowWhoseUuidHasALoneSurrogateIsRefusedAndLeavesNoAcceptedRowBehind() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        SyncRowPair p = pair(d);
        SyncRow bad = new SyncRow("broken", p.good().seq() - 1, p.good().kind(), p.good().createdAt(),
                Fixtures.invoiceRow(1, d.invoiceSeries() + "000001", d.profileKey(), List.of(InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", 1, 150, 1500)),
                        List.of(new Payment("Cash", 173, null))).payload());
        String json = Http.JSON.writeValueAsString(new PushBatch(d.posId(), d.profileKey(), List.of(bad, p.good())))
                .replace("\"broken\"", "\"a1b2\\ud800c3\"");
        Http.Response r = d.http().post("/sync/push", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().path("results").get(0).path("outcome").asText()).as(r.raw()).isEqualTo("rejected");
        assertThat(r.body().path("results").get(0).path("code").asText()).isEqualTo("invalid_payload");
        assertThat(r.body().path("results").get(1).path("outcome").asText()).as(r.raw()).isEqualTo("accepted");
        long orphans = server.services().jdbi().withHandle(h -> h.createQuery("""
                select count(*) from pos_offline_sync_status s join pos_offline o on o.id = s.device_id where o.pos_id = :p
                and s.kind = 'invoice' and s.outcome = 'accepted' and not exists (select 1 from sales_invoice i where i.sync_uuid = s.uuid)""")
                .bind("p", d.posId()).mapTo(Long.class).one());
        assertThat(orphans).isZero();
    }

    private record SyncRowPair(dev.tillsync.core.sync.SyncRow bad, dev.tillsync.core.sync.SyncRow good) {}

    private static SyncRowPair pair(Fixtures.Linked d) {
        InvoiceLine nul = InvoiceLine.of("ITEM-0001\u0000", "Ballpoint Pen Blue", 1, 150, 1500);
        InvoiceLine pen = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", 1, 150, 1500);
        return new SyncRowPair(
                Fixtures.invoiceRow(1, d.invoiceSeries() + "000001", d.profileKey(), List.of(nul), List.of(new Payment("Cash", nul.totalMinor(), null))),
                Fixtures.invoiceRow(2, d.invoiceSeries() + "000002", d.profileKey(), List.of(pen), List.of(new Payment("Cash", pen.totalMinor(), null))));
    }
}
