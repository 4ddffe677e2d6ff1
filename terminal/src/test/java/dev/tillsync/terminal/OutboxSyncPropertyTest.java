package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.OutboxPusher;
import dev.tillsync.terminal.sync.PushTransport;
import dev.tillsync.terminal.sync.ServerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The outbox and pusher against a model of the server's exactly-once ingest, under random interleavings of
 * record / push answered / push whose answer is lost / crash (store reopened). Invariants after every step:
 * seq is gap-free; a row is Synced only if the server holds it, Failed only if the server rejected it;
 * the server applied every row at most once; after a final answered push every row is settled.
 */
class OutboxSyncPropertyTest {

    /** The server's rule (invariant 3) as a model: first sight decides, repeats answer duplicate with the original. */
    static final class ModelServer {
        final Map<String, RowOutcome> outcomes = new HashMap<>();
        final Map<String, Integer> applied = new HashMap<>();

        PushResult answer(PushBatch batch) {
            List<RowResult> results = new ArrayList<>();
            for (SyncRow r : batch.rows()) {
                RowOutcome first = outcomes.get(r.uuid());
                if (first != null) {
                    results.add(new RowResult(r.uuid(), r.seq(), RowOutcome.DUPLICATE, first,
                            first == RowOutcome.REJECTED ? "poison" : null, null, false));
                    continue;
                }
                boolean poison = r.payload().path("name").asText().startsWith("poison");
                outcomes.put(r.uuid(), poison ? RowOutcome.REJECTED : RowOutcome.ACCEPTED);
                if (!poison) applied.merge(r.uuid(), 1, Integer::sum);
                results.add(poison ? RowResult.rejected(r.uuid(), r.seq(), "poison", "refused by the model")
                        : RowResult.accepted(r.uuid(), r.seq(), false, null));
            }
            return new PushResult(ConnectionStatus.LINKED, results);
        }
    }

    @Property(tries = 40)
    void outboxStaysConsistentUnderAnyInterleaving(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> actions,
                                                   @ForAll @IntRange(min = 1, max = 4) int batchSize) throws IOException {
        Path dir = Files.createTempDirectory("outbox-prop");
        ModelServer server = new ModelServer();
        Clock clock = Clock.systemUTC();
        PushTransport answered = wire -> server.answer(wire.decode());
        PushTransport lost = batch -> {
            server.answer(batch.decode());
            throw new ServerException("server_unreachable", "answer lost", true, 0, null);
        };
        TerminalStore store = TerminalStore.open(dir);
        int recorded = 0;
        for (int a : actions) {
            switch (a) {
                case 0, 1 -> {
                    int n = recorded++;
                    String name = (n % 5 == 3 ? "poison-" : "ok-") + n;
                    store.useTx(h -> Outbox.append(h, RowKind.CUSTOMER, "C" + n, new CustomerPayload("C" + n, name, null, null, Instant.now()), Instant.now()));
                }
                case 2 -> new OutboxPusher(store, clock).pushAll("POS-P", "pk", batchSize, answered, e -> { });
                case 3 -> {
                    try {
                        new OutboxPusher(store, clock).pushAll("POS-P", "pk", batchSize, lost, e -> { });
                    } catch (ServerException expected) {
                        // the line dropped the answer; rows stay Syncing
                    }
                }
                default -> store = TerminalStore.open(dir); // crash: nothing survives but the file
            }
            checkInvariants(store, server, recorded);
        }
        new OutboxPusher(store, clock).pushAll("POS-P", "pk", batchSize, answered, e -> { });
        checkInvariants(store, server, recorded);
        List<OutboxRow> rows = store.read(Outbox::all);
        for (OutboxRow r : rows) {
            boolean poison = r.payload().contains("poison-");
            assertThat(r.status()).isEqualTo(poison ? SyncStatus.FAILED : SyncStatus.SYNCED);
            if (poison) assertThat(r.reason()).isNotBlank();
        }
        assertThat(server.applied.values()).allMatch(v -> v == 1);
        assertThat(server.applied).hasSize((int) rows.stream().filter(r -> !r.payload().contains("poison-")).count());
    }

    private static void checkInvariants(TerminalStore store, ModelServer server, int recorded) {
        List<OutboxRow> rows = store.read(Outbox::all);
        assertThat(rows.stream().mapToLong(OutboxRow::seq).toArray()).containsExactly(LongStream.rangeClosed(1, recorded).toArray());
        for (OutboxRow r : rows) {
            RowOutcome o = server.outcomes.get(r.uuid());
            if (r.status() == SyncStatus.SYNCED) assertThat(o).isEqualTo(RowOutcome.ACCEPTED);
            if (r.status() == SyncStatus.FAILED) assertThat(o).isEqualTo(RowOutcome.REJECTED);
        }
        assertThat(server.applied.values()).allMatch(v -> v == 1);
    }
}
