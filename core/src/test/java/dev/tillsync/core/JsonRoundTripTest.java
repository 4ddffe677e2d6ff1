package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.ConnectionStatus;
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
}
