package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.OutboxPusher;
import dev.tillsync.terminal.sync.ServerException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pusher sends consecutive batches, never a row twice in one run, and stops on an answer that leaves rows out. */
class OutboxPusherTest {
    @TempDir
    Path dir;

    private TerminalStore storeWith(int rows) {
        TerminalStore store = TerminalStore.open(dir);
        for (int i = 1; i <= rows; i++) {
            String ref = "C" + i;
            store.useTx(h -> Outbox.append(h, RowKind.CUSTOMER, ref, new CustomerPayload(ref, "Customer " + ref, null, null, Instant.now()), Instant.now()));
        }
        return store;
    }

    private static List<SyncStatus> statuses(TerminalStore store) {
        return store.read(Outbox::all).stream().map(OutboxRow::status).toList();
    }

    @Test
    void batchesGoOutInOrderWithoutOverlapAndEveryAnswerIsStored() {
        try (TerminalStore store = storeWith(7)) {
            List<List<Long>> seen = new ArrayList<>();
            OutboxPusher.Outcome o = new OutboxPusher(store, Clock.systemUTC()).pushAll("POS-T", "pk", 3, wire -> {
                PushBatch batch = wire.decode();
                seen.add(batch.rows().stream().map(SyncRow::seq).toList());
                return new PushResult(ConnectionStatus.LINKED, batch.rows().stream()
                        .map(r -> RowResult.accepted(r.uuid(), r.seq(), false, null)).toList());
            }, e -> { });
            assertThat(seen).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
            assertThat(o.synced()).isEqualTo(7);
            assertThat(o.batches()).isEqualTo(3);
            assertThat(statuses(store)).containsOnly(SyncStatus.SYNCED);
            assertThat(store.read(Outbox::all)).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
        }
    }

    @Test
    void anAnswerWithoutSomeRowsStopsThePushAndLeavesThemQueued() {
        try (TerminalStore store = storeWith(5)) {
            List<List<Long>> seen = new ArrayList<>();
            OutboxPusher pusher = new OutboxPusher(store, Clock.systemUTC());
            assertThatThrownBy(() -> pusher.pushAll("POS-T", "pk", 2, wire -> {
                PushBatch batch = wire.decode();
                seen.add(batch.rows().stream().map(SyncRow::seq).toList());
                SyncRow first = batch.rows().get(0);
                return new PushResult(ConnectionStatus.LINKED, List.of(RowResult.accepted(first.uuid(), first.seq(), false, null)));
            }, e -> { }))
                    .isInstanceOf(ServerException.class)
                    .hasMessageContaining("without results for 1")
                    .satisfies(e -> assertThat(((ServerException) e).code()).isEqualTo("server_garbage"));
            assertThat(seen).containsExactly(List.of(1L, 2L));
            assertThat(statuses(store)).containsExactly(SyncStatus.SYNCED, SyncStatus.SYNCING, SyncStatus.PENDING, SyncStatus.PENDING,
                    SyncStatus.PENDING);

            // A sound answer next time sends the left-out row again, first.
            seen.clear();
            pusher.pushAll("POS-T", "pk", 2, wire -> {
                PushBatch batch = wire.decode();
                seen.add(batch.rows().stream().map(SyncRow::seq).toList());
                return new PushResult(ConnectionStatus.LINKED, batch.rows().stream()
                        .map(r -> RowResult.accepted(r.uuid(), r.seq(), false, null)).toList());
            }, e -> { });
            assertThat(seen).containsExactly(List.of(2L, 3L), List.of(4L, 5L));
            assertThat(statuses(store)).containsOnly(SyncStatus.SYNCED);
        }
    }
}
