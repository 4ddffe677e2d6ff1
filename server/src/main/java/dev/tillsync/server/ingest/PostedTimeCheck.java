package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.ClockOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags an invoice whose posted time cannot be right: later than the server's clock by more than the future
 * tolerance, or earlier than the device's previous invoice (by sequence) by more than the backwards tolerance. A
 * till whose clock is wrong still sells, so invariant 6 holds: such an invoice is accepted, kept in sequence order
 * and flagged for review (the reasons say which clock to check), never refused.
 */
public final class PostedTimeCheck {
    /**
     * How far a posted time may stray before it is flagged (settings of the server: {@code ServerOptions}).
     *
     * @param future    how far after the server's clock (default 10 min: a till a few minutes fast is normal)
     * @param backwards how far before the device's previous invoice (default 1 h: a clock set back, e.g. summer time)
     */
    public record Tolerances(Duration future, Duration backwards) {
        public static final Tolerances DEFAULTS = new Tolerances(Duration.ofMinutes(10), Duration.ofHours(1));

        public Tolerances {
            if (future == null || future.isNegative() || backwards == null || backwards.isNegative()) {
                throw new IllegalArgumentException("posted-time tolerances must be zero or more");
            }
        }
    }

    private final Tolerances tolerances;
    private final Clock clock;

    public PostedTimeCheck(Tolerances tolerances, Clock clock) {
        this.tolerances = tolerances;
        this.clock = clock;
    }

    public Tolerances tolerances() {
        return tolerances;
    }

    /**
     * The review reasons for invoice {@code number} posted at {@code posted}, whose device's previous invoice (by
     * sequence) was posted at {@code previous} (null when it has none).
     */
    List<String> reasons(String number, Instant posted, String previousNumber, Instant previous) {
        List<String> reasons = new ArrayList<>(0);
        Instant now = clock.instant();
        Duration ahead = Duration.between(now, posted);
        if (ahead.compareTo(tolerances.future()) > 0) {
            reasons.add("posted at " + posted + ", " + size(ahead) + " after the server's time (tolerance " + size(tolerances.future())
                    + "): check the till's clock");
        }
        if (previous != null) {
            Duration back = Duration.between(posted, previous);
            if (back.compareTo(tolerances.backwards()) > 0) {
                reasons.add("posted at " + posted + ", " + size(back) + " before the device's previous invoice " + previousNumber
                        + " (" + previous + "; tolerance " + size(tolerances.backwards()) + "): the till's clock was set back");
            }
        }
        return reasons;
    }

    private static String size(Duration d) {
        return ClockOffset.size(d.toMillis());
    }
}
