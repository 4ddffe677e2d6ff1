package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.FaultPoint;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pushes the outbox oldest first in batches (invariant 4). Invariant 3: a row is marked Synced or Failed
 * only from the server's own answer for that row, each batch's marking in one transaction; a batch whose
 * answer is lost stays Syncing and is sent again next time (the server answers duplicate).
 */
public final class OutboxPusher {
    public static final String FAULT_BEFORE_MARK = "sync.before-mark";

    private final TerminalStore store;
    private final Clock clock;

    public OutboxPusher(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a push run did; {@code connectionStatus} is the last status the server reported, or null. */
    public record Outcome(int sent, int batches, int synced, int duplicates, List<FailedRow> failed, ConnectionStatus connectionStatus) {}

    /**
     * Sends every Pending/Syncing row. Throws {@link ServerException} when an answer does not come; rows already
     * answered keep their marking.
     */
    public Outcome pushAll(String posId, String profileKey, int batchSize, PushTransport transport, Consumer<TerminalEvent> progress) {
        int size = Math.max(1, batchSize);
        int total = (int) (long) store.read(Outbox::unsentCount);
        int sent = 0, batches = 0, synced = 0, duplicates = 0;
        List<FailedRow> failed = new ArrayList<>();
        ConnectionStatus status = null;
        Set<String> answered = new HashSet<>();
        progress.accept(new TerminalEvent.SyncProgress(0, total, 0));
        while (true) {
            List<OutboxRow> batch = store.inTx(h -> Outbox.claimBatch(h, size, clock.instant()));
            if (batch.isEmpty()) break;
            if (batch.stream().allMatch(r -> answered.contains(r.uuid()))) {
                throw new ServerException("server_garbage", "The server keeps answering without results for transactions "
                        + batch.get(0).seq() + "…; they stay queued.", false, 200, null);
            }
            PushResult result = transport.push(new PushBatch(posId, profileKey, batch.stream().map(Outbox::toSyncRow).toList()));
            FaultPoint.reach(FAULT_BEFORE_MARK);
            Map<String, OutboxRow> byUuid = new HashMap<>();
            batch.forEach(r -> byUuid.put(r.uuid(), r));
            List<RowResult> mine = result.results().stream().filter(r -> r != null && byUuid.containsKey(r.uuid())).toList();
            store.inTx(h -> Outbox.applyResults(h, mine, clock.instant()));
            for (RowResult r : mine) {
                answered.add(r.uuid());
                if (r.isSynced()) {
                    if (r.outcome() == RowOutcome.DUPLICATE) duplicates++;
                    else synced++;
                } else {
                    OutboxRow row = byUuid.get(r.uuid());
                    failed.add(new FailedRow(r.uuid(), row.seq(), row.ref(), r.code(), r.message()));
                }
            }
            if (mine.size() < batch.size()) {
                // Rows the server did not answer for stay Syncing; mark them seen so a server that never answers cannot loop us.
                batch.forEach(r -> answered.add(r.uuid()));
            }
            sent += batch.size();
            batches++;
            if (result.connectionStatus() != null) status = result.connectionStatus();
            progress.accept(new TerminalEvent.SyncProgress(sent, Math.max(total, sent), batches));
        }
        return new Outcome(sent, batches, synced, duplicates, failed, status);
    }
}
