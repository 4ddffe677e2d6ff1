package dev.tillsync.server.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the server can reach its database right now. While it cannot, requests are answered 503 at once instead
 * of each waiting out the pool's connection timeout, and one background probe tries a connection every
 * {@code probeInterval} until one succeeds. Thread-safe.
 *
 * <p>Invariant: down from the first unreachable failure reported until a probe connection succeeds; at most one probe
 * runs at a time, and only while down.
 */
public final class DatabaseOutage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final Callable<Boolean> probe;
    private final Duration probeInterval;
    private final Clock clock;
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private volatile boolean closed;

    /** {@code probe}: opens and checks one connection; true when the database answered. */
    public DatabaseOutage(Callable<Boolean> probe, Duration probeInterval, Clock clock) {
        this.probe = probe;
        this.probeInterval = probeInterval;
        this.clock = clock;
    }

    public boolean isDown() {
        return downSince.get() != null;
    }

    /** Since when the database has been unreachable; empty while it is reachable. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince.get());
    }

    /** Called with a failure {@link DatabaseFailure} classed as unreachable; the first one starts the probe. */
    public void reportUnreachable(Throwable cause) {
        if (closed) return;
        Instant now = clock.instant();
        if (!downSince.compareAndSet(null, now)) return;
        log.warn("database unreachable ({}): answering 503 database_unavailable until it is back; tills keep their"
                + " unsent transactions and resend them. Check that PostgreSQL is running and reachable.", rootMessage(cause));
        Thread.ofVirtual().name("tillsync-db-probe").start(this::probeUntilBack);
    }

    private void probeUntilBack() {
        while (!closed) {
            try {
                Thread.sleep(probeInterval);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (Boolean.TRUE.equals(probe.call())) {
                    Instant since = downSince.getAndSet(null);
                    long ms = since == null ? 0 : Duration.between(since, clock.instant()).toMillis();
                    // the pair of the outage warning: an operator reading the log must see that it ended, and when
                    log.warn("database reachable again after {} ms: serving requests", ms);
                    return;
                }
            } catch (Exception e) {
                log.debug("database probe failed: {}", rootMessage(e));
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        closed = true;
    }
}
