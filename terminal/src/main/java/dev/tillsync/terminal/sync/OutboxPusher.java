package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.FaultPoint;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Pushes the outbox oldest first in batches (invariant 4). Invariant 3: a row is marked Synced or Failed
 * only from the server's own answer for that row, each batch's marking in one transaction; a batch whose
 * answer is lost is sent again next time (the server answers duplicate), and {@link SyncEngine} returns it to
 * Pending in the transaction that records the failure. A link status other than Linked in an answer (the back
 * office is unlinking the device) is stored in the transaction that stores that answer.
 *
 * <p>The store work is pipelined with the network: while batch k travels, a helper thread reads batch k+1
 * (and encodes the request that carries it); when k's answer comes, k+1 goes out at once and the helper stores k's
 * answer and marks k+1 Syncing in one transaction. A row may therefore travel a moment before its Syncing
 * mark is committed: harmless, since Pending and Syncing rows are both sent again until answered. The
 * helper runs one task at a time in submission order, so k+1's Syncing mark is committed before k+1's answer
 * is stored, and every task has finished (or failed, which ends the push) before {@link #pushAll} returns.
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
    /** {@code resent}: Synced rows queued again because the server asked (it lost them); they go with the next push. */
    public record Outcome(int sent, int batches, int synced, int duplicates, List<FailedRow> failed, ConnectionStatus connectionStatus,
                          int resent) {}

    /** A batch read from the outbox and already in wire form. */
    private record Batch(List<OutboxRow> rows, EncodedPush wire) {
        boolean isEmpty() {
            return rows.isEmpty();
        }

        long lastSeq() {
            return rows.get(rows.size() - 1).seq();
        }
    }

    /**
     * Sends every Pending/Syncing row. Throws {@link ServerException} when an answer does not come; rows already
     * answered keep their marking.
     */
    public Outcome pushAll(String posId, String profileKey, int batchSize, PushTransport transport, Consumer<TerminalEvent> progress) {
        int size = Math.max(1, batchSize);
        int total = (int) (long) store.read(Outbox::unsentCount);
        int sent = 0, batches = 0, synced = 0, duplicates = 0;
        java.util.concurrent.atomic.AtomicInteger resent = new java.util.concurrent.atomic.AtomicInteger();
        List<FailedRow> failed = new ArrayList<>();
        ConnectionStatus status = null;
        progress.accept(new TerminalEvent.SyncProgress(0, total, 0));
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tillsync-outbox-store");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<?> stored = CompletableFuture.completedFuture(null);
        CompletableFuture<?> reading = CompletableFuture.completedFuture(null);
        try {
            Batch batch = read(posId, profileKey, 0, size);
            if (batch.isEmpty()) return new Outcome(0, 0, 0, 0, failed, null, 0);
            Batch first = batch;
            stored = CompletableFuture.runAsync(() -> store.useTx(h -> Outbox.markSyncing(h, first.rows(), clock.instant())), helper);
            while (true) {
                long after = batch.lastSeq();
                CompletableFuture<Batch> next = CompletableFuture.supplyAsync(() -> read(posId, profileKey, after, size), helper);
                reading = next;
                PushResult result = transport.push(batch.wire());
                join(stored); // this batch's Syncing mark (and the previous answer) are committed before its answer is stored
                FaultPoint.reach(FAULT_BEFORE_MARK);
                Map<String, OutboxRow> byUuid = new HashMap<>();
                batch.rows().forEach(r -> byUuid.put(r.uuid(), r));
                List<RowResult> mine = result.results().stream().filter(r -> r != null && byUuid.containsKey(r.uuid())).toList();
                int answeredRows = (int) mine.stream().map(RowResult::uuid).distinct().count();
                boolean complete = answeredRows == batch.rows().size();
                Batch following = complete ? join(next) : new Batch(List.of(), null);
                ConnectionStatus told = result.connectionStatus();
                List<Long> answeredSeqs = batch.rows().stream().map(OutboxRow::seq).toList();
                stored = CompletableFuture.runAsync(() -> {
                    boolean unlinking = store.inTx(h -> {
                        Outbox.applyResults(h, mine, clock.instant());
                        CounterCatchUp.apply(h, result.highWater(), clock.instant()); // past the server's numbers, with the answer
                        resent.addAndGet(ServerBehindResend.apply(h, result.resendAfter(), answeredSeqs, clock.instant()));
                        Outbox.markSyncing(h, following.rows(), clock.instant());
                        // Told to unlink: stored with the answer that told it, so a line dropping next cannot lose it.
                        return told != null && told != ConnectionStatus.LINKED && DeviceRepo.noteConnectionStatus(h, told, clock.instant());
                    });
                    if (unlinking) progress.accept(new TerminalEvent.UnlinkStateChanged(told));
                }, helper);
                for (RowResult r : mine) {
                    if (r.isSynced()) {
                        if (r.outcome() == RowOutcome.DUPLICATE) duplicates++;
                        else synced++;
                    } else {
                        OutboxRow row = byUuid.get(r.uuid());
                        failed.add(new FailedRow(r.uuid(), row.seq(), row.ref(), r.code(), r.message()));
                    }
                }
                sent += batch.rows().size();
                batches++;
                if (result.connectionStatus() != null) status = result.connectionStatus();
                progress.accept(new TerminalEvent.SyncProgress(sent, Math.max(total, sent), batches));
                if (!complete) {
                    join(stored);
                    int missing = batch.rows().size() - answeredRows;
                    throw new ServerException("server_garbage", "The server answered a batch of " + batch.rows().size()
                            + " transactions (from " + batch.rows().get(0).seq() + ") without results for " + missing
                            + " of them; they stay queued and are sent again with the next sync.", false, 200, null);
                }
                if (following.isEmpty()) break;
                batch = following;
            }
            join(stored);
            return new Outcome(sent, batches, synced, duplicates, failed, status, resent.get());
        } catch (RuntimeException e) {
            // Never leave the helper working on the store behind us (a caller may close it next): wait for its
            // read and its transaction, then report the first failure.
            try {
                reading.join();
            } catch (CompletionException ignored) {
                // a read ahead that failed changed nothing; the push's own failure is the one to report
            }
            try {
                stored.join();
            } catch (CompletionException later) {
                if (later.getCause() != e) e.addSuppressed(later.getCause() != null ? later.getCause() : later);
            }
            throw e;
        } finally {
            helper.shutdown();
        }
    }

    private Batch read(String posId, String profileKey, long afterSeq, int size) {
        record Read(List<OutboxRow> rows, long syncedThrough) {}
        Read r = store.read(h -> new Read(Outbox.nextBatch(h, afterSeq, size), Outbox.maxSyncedSeq(h)));
        return new Batch(r.rows(), r.rows().isEmpty() ? null : EncodedPush.of(posId, profileKey, r.rows()).withSyncedThrough(r.syncedThrough()));
    }

    /** Waits for the helper's task; its failure (a store error) is rethrown as it was thrown. */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
