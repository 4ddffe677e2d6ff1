package dev.tillsync.terminal.sync;

import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.store.EventLog;
import java.time.Instant;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Invariant 1 when the server goes back in time: a server restored from a backup (or failed over to a standby that
 * missed the last commits) no longer holds rows this till already marked Synced. It says so with {@code resendAfter}
 * on a push answer or pull page; the till then queues every Synced row after that sequence again, unchanged, and
 * the next push sends them. A row the server does hold comes back duplicate, so nothing is counted twice.
 */
final class ServerBehindResend {
    private ServerBehindResend() {}

    /** Applies a {@code resendAfter} in the caller's transaction; returns how many rows were queued again. */
    static int apply(Handle h, Long resendAfter, Collection<Long> answered, Instant now) {
        if (resendAfter == null) return 0;
        int n = Outbox.resendSyncedAfter(h, resendAfter, answered, now);
        if (n > 0) {
            EventLog.append(h, now, "resend", null, n + " transactions already synced are sent again: the server holds this till's"
                    + " rows only up to sequence " + resendAfter + " (restored from a backup?)");
        }
        return n;
    }
}
