package dev.tillsync.terminal;

import java.time.Clock;
import java.time.Duration;

/**
 * Tunables of a terminal engine.
 *
 * @param requestTimeout      how long a push, pull or link may take before the line counts as down
 * @param probeTimeout        connect timeout and /health timeout
 * @param onlineProbeInterval how often the background monitor probes while online (and may sync)
 * @param maxBackoff          longest wait between probes while offline
 * @param autoSyncInterval    while online in the background, sync at least this often (pull new prices, push leftovers)
 */
public record TerminalOptions(Clock clock, Duration requestTimeout, Duration probeTimeout, Duration onlineProbeInterval,
                              Duration maxBackoff, Duration autoSyncInterval) {
    public static TerminalOptions defaults() {
        return new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    public TerminalOptions withClock(Clock c) {
        return new TerminalOptions(c, requestTimeout, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval);
    }

    public TerminalOptions withRequestTimeout(Duration d) {
        return new TerminalOptions(clock, d, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval);
    }

    public TerminalOptions withIntervals(Duration onlineProbe, Duration maxBackoff, Duration autoSync) {
        return new TerminalOptions(clock, requestTimeout, probeTimeout, onlineProbe, maxBackoff, autoSync);
    }
}
