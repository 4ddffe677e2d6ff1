package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict mapper must read back everything it writes: derived getters must not leak onto the wire. */
class JsonRoundTripTest {
    private final ObjectMapper json = Json.mapper();

    @Test
    void invoiceAndPushResultRoundTrip() throws Exception {
        InvoiceLine line = InvoiceLine.of("ITEM-0001", "Pen", 2, 150, 1500);
        InvoicePayload inv = new InvoicePayload("POS-0001-000001", Instant.parse("2026-01-01T10:00:00Z"), null, "a@b", "s1",
                true, null, "k", List.of(line), List.of(new Payment("Cash", 400, null)), 400 - line.totalMinor(),
                line.netMinor(), line.taxMinor(), line.totalMinor());
        String text = json.writeValueAsString(inv);
        assertThat(text).doesNotContain("\"return\"").doesNotContain("\"cash\"");
        assertThat(json.readValue(text, InvoicePayload.class)).isEqualTo(inv);

        PushResult r = new PushResult(ConnectionStatus.UNLINK_IN_PROGRESS,
                List.of(new RowResult("u", 1, RowOutcome.DUPLICATE, RowOutcome.ACCEPTED, null, null, false)));
        String rt = json.writeValueAsString(r);
        assertThat(rt).doesNotContain("\"synced\"").contains("Unlink in progress");
        assertThat(json.readValue(rt, PushResult.class)).isEqualTo(r);
    }

    @Test
    void theNewOptionalFieldsStayOffTheWireUntilSetAndRoundTripWhenSet() throws Exception {
        // Both sides refuse unknown fields: an answer or payload without them must read exactly as before.
        PushResult plain = new PushResult(ConnectionStatus.LINKED, List.of());
        assertThat(json.writeValueAsString(plain)).doesNotContain("highWater");
        assertThat(json.writeValueAsString(new PullPage("c", false, 0, List.of()))).doesNotContain("highWater");
        PushResult marked = new PushResult(ConnectionStatus.LINKED, List.of(), new HighWater(7, "POS-0001-000005"));
        String text = json.writeValueAsString(marked);
        assertThat(text).contains("\"highWater\":{\"seq\":7,\"invoiceNumber\":\"POS-0001-000005\"}");
        assertThat(json.readValue(text, PushResult.class)).isEqualTo(marked);
        PullPage page = new PullPage("c", true, 3, List.of(), new HighWater(7, null));
        assertThat(json.readValue(json.writeValueAsString(page), PullPage.class)).isEqualTo(page);

        InvoiceLine line = InvoiceLine.of("ITEM-0001", "Pen", 1, 150, 0);
        InvoicePayload sold = new InvoicePayload("POS-0001-000002", Instant.parse("2026-01-01T10:00:00Z"), null, "a@b", "s1",
                false, null, "k", List.of(line), List.of(new Payment("Cash", 150, null)), 0, 150, 0, 150);
        assertThat(json.writeValueAsString(sold)).doesNotContain("printedNumber");
        InvoicePayload renumbered = new InvoicePayload("POS-0001-000009", sold.postedAt(), null, "a@b", "s1", false, null, "k",
                sold.lines(), sold.payments(), 0, 150, 0, 150, "POS-0001-000002");
        assertThat(json.readValue(json.writeValueAsString(renumbered), InvoicePayload.class)).isEqualTo(renumbered);
        assertThat(new NumberingSeries("POS-0001-", 6).counterOf("POS-0001-000009")).isEqualTo(9);
        assertThat(new NumberingSeries("POS-0001-", 6).counterOf("POS-0002-000009")).isZero();
    }
}
