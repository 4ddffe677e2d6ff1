package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.payload.ShiftClosePayload;
import dev.tillsync.core.payload.ShiftOpenPayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private final TillServer server = SharedServer.get();

    private SyncRow sale(Fixtures.Linked d, long seq, String shift, long qty, List<Payment> pay, long change) {
        InvoiceLine l = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", qty, 150, 1500);
        InvoicePayload p = new InvoicePayload(d.invoiceSeries() + String.format("%06d", seq), Instant.parse("2024-06-01T09:00:00Z"),
                null, "amira@demo.shop", shift, true, null, d.profileKey(), List.of(l), pay, change,
                l.netMinor(), l.taxMinor(), l.totalMinor());
        assertThat(InvoiceMath.inconsistencies(p)).isEmpty();
        return Fixtures.row(seq, RowKind.INVOICE, p);
    }

    @Test
    void reportShowsShiftCashDifferencePaymentModesStockImpactAndFlags() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        server.admin().addShiftUser(d.posId(), "amira@demo.shop", "Morning");
        String shift = "shift-" + d.posId();
        long t2 = InvoiceLine.of("ITEM-0001", "x", 2, 150, 1500).totalMinor();   // 345
        long t1 = InvoiceLine.of("ITEM-0001", "x", 1, 150, 1500).totalMinor();   // 172
        List<SyncRow> rows = List.of(
                Fixtures.row(1, RowKind.SHIFT_OPEN, new ShiftOpenPayload(shift, "amira@demo.shop", "Morning", 10_000, Instant.parse("2024-06-01T08:00:00Z"))),
                sale(d, 2, shift, 2, List.of(new Payment("Cash", 500, null)), 500 - t2),
                sale(d, 3, shift, 1, List.of(new Payment("Card", t1, "slip-1")), 0),
                Fixtures.row(4, RowKind.SHIFT_CLOSE, new ShiftClosePayload(shift, "amira@demo.shop", Instant.parse("2024-06-01T16:00:00Z"),
                        10_000 + t2, 10_000 + t2 - 100, Map.of("Cash", t2, "Card", t1), 2)));
        var result = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows));
        assertThat(result.raw()).doesNotContain("rejected");

        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        Http.Response r = viewer.get("/reports/reconciliation?posId=" + d.posId() + "&from=2024-06-01&to=2024-06-01");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode dev = r.body().get("devices").get(0);
        assertThat(dev.get("posId").asText()).isEqualTo(d.posId());
        assertThat(dev.get("salesCount").asLong()).isEqualTo(2);
        assertThat(dev.get("grandTotalMinor").asLong()).isEqualTo(t2 + t1);
        assertThat(dev.at("/byPaymentModeMinor/Cash").asLong()).isEqualTo(t2);
        assertThat(dev.at("/byPaymentModeMinor/Card").asLong()).isEqualTo(t1);
        JsonNode s = dev.get("shifts").get(0);
        assertThat(s.get("salesCount").asLong()).isEqualTo(2);
        assertThat(s.get("expectedCashMinor").asLong()).isEqualTo(10_000 + t2);
        assertThat(s.get("cashDifferenceMinor").asLong()).isEqualTo(-100);
        assertThat(dev.at("/stockImpact/0/itemCode").asText()).isEqualTo("ITEM-0001");
        assertThat(dev.at("/stockImpact/0/qty").asLong()).isEqualTo(-3);
        assertThat(dev.get("flagged").toString()).contains("cash difference -1.00");

        Http.Response other = viewer.get("/reports/reconciliation?posId=" + d.posId() + "&from=2024-07-01");
        assertThat(other.body().at("/devices/0/salesCount").asLong()).isZero();
        assertThat(viewer.get("/reports/reconciliation?from=yesterday").error()).isEqualTo("invalid_date");
    }
}
