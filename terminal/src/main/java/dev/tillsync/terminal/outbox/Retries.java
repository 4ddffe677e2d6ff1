package dev.tillsync.terminal.outbox;

import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;

/** A person's retry of Failed rows (invariant 4: they are never dropped): back to Pending, logged in the same transaction. */
public final class Retries {
    private final TerminalStore store;
    private final Clock clock;

    public Retries(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Sets one Failed row back to Pending so the next sync sends it again. */
    public void retry(String uuid) {
        store.useTx(h -> {
            Outbox.retry(h, uuid, clock.instant());
            EventLog.append(h, clock.instant(), "retry", uuid, null);
        });
    }

    /** Sets every Failed row back to Pending; returns how many. */
    public int retryAllFailed() {
        return store.inTx(h -> {
            int n = Outbox.retryAllFailed(h, clock.instant());
            EventLog.append(h, clock.instant(), "retry", null, "all failed: " + n);
            return n;
        });
    }
}
