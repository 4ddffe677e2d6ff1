package dev.tillsync.terminal.sync;

import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * When syncs run: on the one sync thread, at most one at a time in this process (a request during a running sync
 * joins it; {@link SyncEngine} locks across processes), when the line comes back, periodically while online, and
 * right after an online sale while the background is started. Periodically means every pulled profile's
 * {@code pullIntervalSeconds} after the last sync began (each sync pulls), even with nothing to push: a price the
 * back office changes reaches a running till within that interval plus one probe interval.
 */
public final class SyncScheduler implements AutoCloseable {
    private final TerminalStore store;
    private final DeviceRepo devices;
    private final SyncEngine engine;
    private final ConnectivityMonitor monitor;
    /** The pull interval until a profile is pulled. */
    private final Duration autoSyncInterval;
    private final ExecutorService syncExecutor;
    private CompletableFuture<SyncSummary> runningSync;
    private volatile boolean background;
    private volatile Instant lastAutoSync = Instant.EPOCH;

    public SyncScheduler(TerminalStore store, DeviceRepo devices, SyncEngine engine, ConnectivityMonitor monitor, Duration autoSyncInterval) {
        this.store = store;
        this.devices = devices;
        this.engine = engine;
        this.monitor = monitor;
        this.autoSyncInterval = autoSyncInterval;
        this.syncExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tillsync-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a sync on the sync thread, or returns the one already running. */
    public synchronized CompletableFuture<SyncSummary> syncNow() {
        if (runningSync != null && !runningSync.isDone()) return runningSync;
        devices.require();
        lastAutoSync = Instant.now();
        runningSync = CompletableFuture.supplyAsync(engine::run, syncExecutor);
        return runningSync;
    }

    /** Starts the connectivity monitor with automatic syncs: when the line comes back, and when due or rows wait while online. */
    public void start() {
        devices.require();
        background = true;
        monitor.start(this::syncNow, () -> {
            boolean due = !Instant.now().isBefore(lastAutoSync.plus(pullInterval()));
            boolean pending = store.read(Outbox::unsentCount) > 0;
            if (due || pending) syncNow();
        });
    }

    /** How often a running till pulls: its profile's setting, else the configured interval. */
    public Duration pullInterval() {
        return store.read(h -> DeviceRepo.load(h).flatMap(d -> ProfileRepo.current(h, d)))
                .map(p -> Duration.ofSeconds(p.pullIntervalSeconds())).orElse(autoSyncInterval);
    }

    /** A sale recorded online is pushed at once while the background runs (an offline one waits for the line). */
    public void afterRecording(boolean offline) {
        if (background && !offline) syncNow();
    }

    /** Stops the background monitor (a running sync finishes on its own). */
    public void stop() {
        background = false;
        monitor.stop();
    }

    /** Stops the background and waits (up to 5 s) for a running sync. */
    @Override
    public void close() {
        stop();
        syncExecutor.shutdown();
        try {
            syncExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
