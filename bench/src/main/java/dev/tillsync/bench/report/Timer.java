package dev.tillsync.bench.report;

/** Wall-clock nanoseconds for timing one operation. */
public final class Timer {
    private Timer() {}

    public static long now() {
        return System.nanoTime();
    }

    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
