package dev.tillsync.server.auth;

import dev.tillsync.server.refusal.Refusal;

/** A sign-in refused because its account or address is locked; carries the whole seconds until it may try again. */
public final class Throttled extends Refusal {
    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds) {
        super(Kind.TOO_MANY, "too_many_attempts", "Too many failed sign-ins; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
