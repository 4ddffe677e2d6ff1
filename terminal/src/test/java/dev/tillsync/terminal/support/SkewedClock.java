package dev.tillsync.terminal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock set wrong by a skew the test can change: a till whose clock is days ahead, then put right. */
public final class SkewedClock extends Clock {
    private volatile Duration skew;

    public SkewedClock(Duration skew) {
        this.skew = skew;
    }

    public void set(Duration newSkew) {
        skew = newSkew;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(skew);
    }
}
