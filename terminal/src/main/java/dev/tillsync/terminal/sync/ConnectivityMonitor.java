package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ClockOffset;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Knows whether the server is reachable: probes GET /health (short timeout), backs off exponentially with
 * jitter while offline, and learns from every sync call. Invariant: each online/offline switch is persisted
 * with its time and logged in the same transaction before listeners hear of it, so {@code status} in another
 * process and the offline flag of the next sale see it. Every answer from the server also stores when it came
 * (and the clock offset it showed): a sale counts as online only if the server answered within the online window
 * before it ({@link #confirmedOnline}), the one rule behind the stored flag, the receipt's OFFLINE mark and the
 * server's "made offline" figures.
 */
public final class ConnectivityMonitor {
    private final TerminalStore store;
    private final Clock clock;
    private final Supplier<Optional<ServerClient>> client;
    private final Consumer<TerminalEvent> publish;
    private final Duration onlineInterval;
    private final Duration maxBackoff;
    private final long onlineWindowMs;
    private volatile Runnable onBackOnline = () -> {};
    private volatile Runnable onTick = () -> {};
    private ScheduledExecutorService scheduler;
    private int failures;
    private volatile String toldRefusal;

    public ConnectivityMonitor(TerminalStore store, Clock clock, Supplier<Optional<ServerClient>> client, Consumer<TerminalEvent> publish,
                               Duration onlineInterval, Duration maxBackoff) {
        this(store, clock, client, publish, onlineInterval, maxBackoff, Duration.ofSeconds(15));
    }

    public ConnectivityMonitor(TerminalStore store, Clock clock, Supplier<Optional<ServerClient>> client, Consumer<TerminalEvent> publish,
                               Duration onlineInterval, Duration maxBackoff, Duration onlineWindow) {
        this.onlineWindowMs = onlineWindow.toMillis();
        this.store = store;
        this.clock = clock;
        this.client = client;
        this.publish = publish;
        this.onlineInterval = onlineInterval;
        this.maxBackoff = maxBackoff;
    }

    /** The last known state, as persisted (no network). */
    public boolean lastKnownOnline() {
        return store.read(SyncStateRepo::online);
    }

    /**
     * Whether a sale made now counts as online: the line is not known to be down and the server answered within
     * the online window (a clock set back since then does not count either). One read of one integer, made inside
     * the sale's transaction when asked there.
     */
    public boolean confirmedOnline() {
        long confirmed = store.read(SyncStateRepo::lineConfirmedMs);
        long now = clock.millis();
        return confirmed > now - onlineWindowMs && confirmed <= now + onlineWindowMs;
    }

    /** Probes now (blocking up to the probe timeout) and records the result. */
    public boolean probeNow() {
        Optional<ServerClient> c = client.get();
        if (c.isEmpty()) return false;
        boolean up = c.get().health();
        Optional<ServerException> why = c.get().probeFailure();
        observe(up, up ? "health check answered" : why.map(ServerException::code).orElse("health check failed"), c.get().measuredOffset());
        // A certificate or protocol-version refusal is not a line that comes back by itself: status and the till's screen show what to do.
        // Told once per distinct refusal, not on every probe: kept as the last error (status) and published with its
        // whole message (the desktop's top bar and a notice).
        ServerException refusal = why.filter(e -> e.code().startsWith("server_certificate") || e.code().equals("pinned_needs_https")
                || e.code().startsWith("protocol_too_")).orElse(null);
        if (refusal == null) {
            if (up) toldRefusal = null;
        } else if (!refusal.getMessage().equals(toldRefusal)) {
            toldRefusal = refusal.getMessage();
            try {
                store.useTx(h -> SyncStateRepo.recordError(h, clock.instant(), refusal.getMessage()));
            } catch (TerminalException ignored) {
                // the store failing is reported by the next operation
            }
            publish.accept(new TerminalEvent.ConnectivityChanged(false, clock.instant(), refusal.getMessage()));
        }
        return up;
    }

    /** Records what a call just showed about the line; switches state (and tells listeners) when it changed. */
    public void observe(boolean online, String reason) {
        observe(online, reason, Optional.empty());
    }

    /**
     * As {@link #observe(boolean, String)}, and stores the clock offset the server's answer showed. When the line is
     * up, it also stores that the server answered now (the online window starts again).
     */
    public void observe(boolean online, String reason, Optional<ClockOffset> offset) {
        Instant now = clock.instant();
        boolean changed;
        try {
            changed = store.inTx(h -> {
                boolean c = SyncStateRepo.setOnline(h, online, now);
                if (online) SyncStateRepo.confirmLine(h, now);
                offset.ifPresent(o -> SyncStateRepo.setClockOffset(h, o));
                if (c) EventLog.append(h, now, online ? "online" : "offline", null, reason);
                return c;
            });
        } catch (TerminalException e) {
            return;
        }
        if (changed) {
            publish.accept(new TerminalEvent.ConnectivityChanged(online, now, reason));
            if (online) onBackOnline.run();
        }
    }

    /** Starts probing in the background; {@code onBackOnline} runs when the line comes back, {@code onTick} after each online probe. */
    public synchronized void start(Runnable onBackOnline, Runnable onTick) {
        if (scheduler != null) return;
        this.onBackOnline = onBackOnline;
        this.onTick = onTick;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tillsync-connectivity");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(this::tick);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        onBackOnline = () -> {};
        onTick = () -> {};
    }

    private void tick() {
        boolean up;
        try {
            up = probeNow();
        } catch (RuntimeException e) {
            up = false;
        }
        Duration next;
        if (up) {
            failures = 0;
            next = onlineInterval;
            try {
                onTick.run();
            } catch (RuntimeException ignored) {
                // a failed periodic sync is recorded by the engine itself
            }
        } else {
            failures = Math.min(failures + 1, 20);
            next = backoff(failures);
        }
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
        }
        if (s != null && !s.isShutdown()) {
            try {
                s.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // stopped meanwhile
            }
        }
    }

    /** 250 ms doubling per failure up to the maximum, with full jitter in its upper half so terminals do not probe in step. */
    Duration backoff(int failures) {
        long cap = Math.min(maxBackoff.toMillis(), 250L << Math.min(failures - 1, 16));
        long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        return Duration.ofMillis(Math.max(50, jittered));
    }
}
