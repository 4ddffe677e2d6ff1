package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.EncodedPush;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push body copied from stored payload text reads, on the server, exactly as the batch written from parsed rows. */
class EncodedPushTest {
    @TempDir
    Path dir;

    @Test
    void theCopiedBodyIsTheSameJsonAsTheBatchWrittenFromParsedRows() throws Exception {
        ObjectMapper json = Json.mapper();
        try (TerminalStore store = TerminalStore.open(dir)) {
            for (int i = 1; i <= 3; i++) {
                String ref = "C" + i;
                store.useTx(h -> Outbox.append(h, RowKind.CUSTOMER, ref,
                        new CustomerPayload(ref, "Zoë \"" + ref + "\" ✓", null, "z@example.com", Instant.parse("2026-11-23T10:00:00Z")), Instant.now()));
            }
            List<OutboxRow> rows = store.read(Outbox::all);
            EncodedPush encoded = EncodedPush.of("POS-T", "pk-1", rows);
            PushBatch expected = new PushBatch("POS-T", "pk-1", rows.stream().map(Outbox::toSyncRow).toList());

            assertThat(encoded.decode().rows()).hasSize(3);
            assertThat(json.readTree(encoded.json())).isEqualTo(json.readTree(json.writeValueAsBytes(expected)));
            assertThat(encoded.decode()).isEqualTo(expected);
        }
    }

    @Test
    void aDamagedStoredPayloadStopsThePushInsteadOfGoingOut() {
        Instant now = Instant.now();
        for (String damaged : new String[] {"{\"number\": \"C1\"", "[1, 2]", "{} {}", "", "not json"}) {
            OutboxRow row = new OutboxRow(7, "u-7", RowKind.CUSTOMER, "C1", damaged, SyncStatus.PENDING, null, null, 0, now, null);
            assertThatThrownBy(() -> EncodedPush.of("POS-T", "pk", List.of(row)))
                    .as(damaged)
                    .isInstanceOf(TerminalException.class)
                    .hasMessageContaining("Outbox row 7 (u-7) has an unreadable payload")
                    .satisfies(e -> assertThat(((TerminalException) e).code()).isEqualTo("store_corrupt"));
        }
    }
}
