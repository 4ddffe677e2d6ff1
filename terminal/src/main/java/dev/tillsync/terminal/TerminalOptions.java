package dev.tillsync.terminal;

import dev.tillsync.core.master.ProfileData;
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
 *                            until a profile is pulled; then the profile's pullIntervalSeconds governs
 * @param onlineWindow        a sale counts as online only if the server answered within this long before it (a probe,
 *                            a sync, a link); longer than one probe interval plus the probe timeout, so a running monitor
 *                            keeps it fresh while the line is up
 */
public record TerminalOptions(Clock clock, Duration requestTimeout, Duration probeTimeout, Duration onlineProbeInterval,
                              Duration maxBackoff, Duration autoSyncInterval, Duration onlineWindow) {
    /** The window when none is given: 15 s, or two probe intervals plus the probe timeout when that is longer. */
    public TerminalOptions(Clock clock, Duration requestTimeout, Duration probeTimeout, Duration onlineProbeInterval,
                           Duration maxBackoff, Duration autoSyncInterval) {
        this(clock, requestTimeout, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval,
                defaultWindow(onlineProbeInterval, probeTimeout));
    }

    public static TerminalOptions defaults() {
        return new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(ProfileData.DEFAULT_PULL_INTERVAL_SECONDS));
    }

    private static Duration defaultWindow(Duration onlineProbeInterval, Duration probeTimeout) {
        Duration twoProbes = onlineProbeInterval.multipliedBy(2).plus(probeTimeout);
        return twoProbes.compareTo(Duration.ofSeconds(15)) > 0 ? twoProbes : Duration.ofSeconds(15);
    }

    public TerminalOptions withClock(Clock c) {
        return new TerminalOptions(c, requestTimeout, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval, onlineWindow);
    }

    public TerminalOptions withRequestTimeout(Duration d) {
        return new TerminalOptions(clock, d, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval, onlineWindow);
    }

    /** New probe and sync intervals; the online window follows them (see {@link #onlineWindow}). */
    public TerminalOptions withIntervals(Duration onlineProbe, Duration maxBackoff, Duration autoSync) {
        return new TerminalOptions(clock, requestTimeout, probeTimeout, onlineProbe, maxBackoff, autoSync);
    }

    public TerminalOptions withOnlineWindow(Duration d) {
        return new TerminalOptions(clock, requestTimeout, probeTimeout, onlineProbeInterval, maxBackoff, autoSyncInterval, d);
    }
}
