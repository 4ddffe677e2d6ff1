package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.UnlinkComplete;
import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.user.TillUsers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One sync: push the outbox, pull master data by cursor, and finish an unlink when asked. Invariant: only
 * one sync runs per data folder at a time, across processes too (a file lock), so the CLI and the desktop
 * app never interleave their marking.
 */
public final class SyncEngine {
    public static final int PULL_LIMIT = 500;

    private final TerminalStore store;
    private final DeviceRepo devices;
    private final Clock clock;
    private final Function<DeviceState, ServerClient> clients;
    private final Consumer<TerminalEvent> publish;
    private final ConnectivityMonitor monitor;
    private final PullApplier applier = new PullApplier();

    public SyncEngine(TerminalStore store, Clock clock, Function<DeviceState, ServerClient> clients,
                      Consumer<TerminalEvent> publish, ConnectivityMonitor monitor) {
        this.store = store;
        this.devices = new DeviceRepo(store);
        this.clock = clock;
        this.clients = clients;
        this.publish = publish;
        this.monitor = monitor;
    }

    /** Runs a sync to the end or until the server stops answering; never throws for server trouble (see {@link SyncSummary#error()}). */
    public SyncSummary run() {
        Instant started = clock.instant();
        try (FileChannel ch = FileChannel.open(store.dataDir().resolve("sync.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return runLocked(started);
        } catch (IOException e) {
            throw new TerminalException("sync_lock", "Cannot take the sync lock in " + store.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private SyncSummary runLocked(Instant started) {
        DeviceState device = devices.require();
        if (device.connectionStatus() == ConnectionStatus.UNLINKED) {
            SyncSummary s = new SyncSummary(0, 0, 0, 0, List.of(), 0, Duration.ZERO, "This terminal was unlinked by the back office; "
                    + "nothing can be synced. A user with can_export_log exports what it holds: terminal login --user EMAIL --pin PIN, "
                    + "then terminal export --out FILE, and the back office imports FILE (bin/pos server admin import FILE).");
            publish.accept(new TerminalEvent.SyncFinished(s));
            return s;
        }
        // Under the sync lock no request is in flight: a row still Syncing was left so by a process that died mid-push.
        store.useTx(h -> Outbox.returnSyncingToPending(h, clock.instant()));
        ServerClient client = clients.apply(device);
        client.knownOffset(store.read(SyncStateRepo::clockOffset));
        int sent = 0, batches = 0, synced = 0, duplicates = 0, pulled = 0;
        List<FailedRow> failed = new ArrayList<>();
        String error = null;
        try {
            OutboxPusher.Outcome pushed = pushAll(device, client);
            sent = pushed.sent();
            batches = pushed.batches();
            synced = pushed.synced();
            duplicates = pushed.duplicates();
            failed.addAll(pushed.failed());
            if (requeued(failed)) {
                // The server's marks moved the counters on and queued its refused rows again under new numbers: send them now.
                OutboxPusher.Outcome again = pushAll(device, client);
                sent += again.sent();
                batches += again.batches();
                synced += again.synced();
                duplicates += again.duplicates();
                java.util.Set<String> failedAgain = new java.util.HashSet<>();
                again.failed().forEach(f -> failedAgain.add(f.uuid()));
                failed.removeIf(f -> failedAgain.contains(f.uuid()) || !stillFailed(f));
                failed.addAll(again.failed());
                if (again.connectionStatus() != null) pushed = again;
            }
            monitor.observe(true, "push answered", client.measuredOffset());
            if (pushed.connectionStatus() != null) noteConnectionStatus(pushed.connectionStatus());
            int resend = pushed.resent();
            Pulled p = pullAll(client);
            pulled = p.applied();
            resend += p.resent();
            if (resend > 0) {
                // The server lost rows it had acknowledged (restored from a backup): they are Pending again, send them now.
                OutboxPusher.Outcome again = pushAll(device, client);
                sent += again.sent();
                batches += again.batches();
                synced += again.synced();
                duplicates += again.duplicates();
                failed.addAll(again.failed());
            }
            finishUnlinkIfAsked(client);
            int sentRows = sent, failedRows = failed.size();
            Instant end = clock.instant();
            store.useTx(h -> {
                SyncStateRepo.recordSuccess(h, end);
                client.measuredOffset().ifPresent(o -> SyncStateRepo.setClockOffset(h, o));
                EventLog.append(h, end, "sync", null, "sent=" + sentRows + " failed=" + failedRows);
            });
        } catch (ServerException e) {
            error = e.getMessage();
            if (e.unreachable()) monitor.observe(false, e.code(), client.measuredOffset());
            else monitor.observe(true, "server answered " + e.httpStatus(), client.measuredOffset());
            recordFailure(e.getMessage(), "device_unlinked".equals(e.code()) ? ConnectionStatus.UNLINKED : null);
        } catch (TerminalException e) {
            error = e.getMessage();
            recordFailure(e.getMessage(), null);
        }
        SyncSummary s = new SyncSummary(sent, batches, synced, duplicates, failed, pulled, Duration.between(started, clock.instant()), error);
        publish.accept(new TerminalEvent.SyncFinished(s));
        return s;
    }

    private OutboxPusher.Outcome pushAll(DeviceState device, ServerClient client) {
        return new OutboxPusher(store, clock).pushAll(device.posId(), device.config().profileKey(), device.config().syncRowsPerRequest(),
                client::push, publish);
    }

    /** What a pull did: master-data changes applied, and Synced rows its pages asked to send again. */
    private record Pulled(int applied, int resent) {}

    private Pulled pullAll(ServerClient client) {
        int applied = 0, resent = 0;
        record Position(String cursor, long syncedThrough) {}
        while (true) {
            Position at = store.read(h -> new Position(SyncStateRepo.load(h).cursor(), Outbox.maxSyncedSeq(h)));
            String cursor = at.cursor();
            Instant pullStarted = clock.instant();
            PullPage page = client.pull(cursor, PULL_LIMIT, at.syncedThrough());
            record Applied(PullApplier.AppliedPage page, int resent) {}
            Applied done = store.inTx(h -> {
                PullApplier.AppliedPage applied1 = applier.apply(h, page, pullStarted);
                CounterCatchUp.apply(h, page.highWater(), clock.instant()); // before the next sale: past the server's numbers
                return new Applied(applied1, ServerBehindResend.apply(h, page.resendAfter(), List.of(), clock.instant()));
            });
            PullApplier.AppliedPage a = done.page();
            resent += done.resent();
            applied += a.changes();
            publish.accept(new TerminalEvent.PullProgress(applied, page.remaining()));
            a.newConnectionStatus().ifPresent(s -> {
                store.useTx(h -> EventLog.append(h, clock.instant(), "connection_status", null, s.label()));
                publish.accept(new TerminalEvent.UnlinkStateChanged(s));
            });
            if (!page.hasMore() || page.changes().isEmpty() && (page.nextCursor() == null || page.nextCursor().equals(cursor))) {
                return new Pulled(applied, resent);
            }
        }
    }

    /** Pulls every page into a fresh store (first pull after linking). */
    public int firstPull() {
        DeviceState device = devices.require();
        ServerClient client = clients.apply(device);
        try {
            int n = pullAll(client).applied();
            monitor.observe(true, "pull answered", client.measuredOffset());
            store.useTx(h -> SyncStateRepo.recordSuccess(h, clock.instant()));
            return n;
        } catch (ServerException e) {
            if (e.unreachable()) monitor.observe(false, e.code());
            recordError(e.getMessage());
            throw e;
        }
    }

    /** True when some refused rows were taken numbers and the server's marks queued them again (Pending now). */
    private boolean requeued(List<FailedRow> failed) {
        return failed.stream().anyMatch(f -> CounterCatchUp.TAKEN.contains(f.code()) && !stillFailed(f));
    }

    private boolean stillFailed(FailedRow f) {
        return store.read(h -> Outbox.statusOf(h, f.uuid())).filter(st -> st == SyncStatus.FAILED).isPresent();
    }

    private void noteConnectionStatus(ConnectionStatus told) {
        if (store.inTx(h -> DeviceRepo.noteConnectionStatus(h, told, clock.instant()))) {
            publish.accept(new TerminalEvent.UnlinkStateChanged(told));
        }
    }

    /** When the back office asked to unlink and everything is pushed, confirm it and lock the terminal. */
    private void finishUnlinkIfAsked(ServerClient client) {
        DeviceState device = devices.require();
        if (device.connectionStatus() != ConnectionStatus.UNLINK_IN_PROGRESS) return;
        long unsent = store.read(Outbox::unsentCount);
        if (unsent > 0) return;
        long lastSeq = store.read(Outbox::maxSeq);
        client.unlinkComplete(new UnlinkComplete(device.posId(), lastSeq));
        store.useTx(h -> {
            DeviceRepo.setConnectionStatus(h, ConnectionStatus.UNLINKED);
            TillUsers.endSession(h);
            EventLog.append(h, clock.instant(), "unlinked", device.posId(), "lastSeq=" + lastSeq);
        });
        publish.accept(new TerminalEvent.UnlinkStateChanged(ConnectionStatus.UNLINKED));
    }

    /**
     * A sync that failed, in one transaction: the error, every row it left Syncing back to Pending (no request carries
     * them any more; the next sync sends them again and the server answers duplicate for any it had committed), and
     * the link status the refusal told ({@code told}, or null).
     */
    private void recordFailure(String message, ConnectionStatus told) {
        boolean changed;
        try {
            changed = store.inTx(h -> {
                Instant now = clock.instant();
                SyncStateRepo.recordError(h, now, message);
                Outbox.returnSyncingToPending(h, now);
                return told != null && DeviceRepo.noteConnectionStatus(h, told, now);
            });
        } catch (TerminalException ignored) {
            return; // the store itself failing is reported by the next operation; the sync error is already in the summary
        }
        if (changed) publish.accept(new TerminalEvent.UnlinkStateChanged(told));
    }

    private void recordError(String message) {
        try {
            store.useTx(h -> SyncStateRepo.recordError(h, clock.instant(), message));
        } catch (TerminalException ignored) {
            // the store itself failing is reported by the next operation; the sync error is already in the summary
        }
    }
}
