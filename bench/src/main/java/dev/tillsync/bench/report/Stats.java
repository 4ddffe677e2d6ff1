package dev.tillsync.bench.report;

import java.util.Arrays;
import java.util.List;

/** Order statistics over measured samples (nearest-rank percentiles, so a p99 is a latency that happened). */
public final class Stats {
    private Stats() {}

    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Nearest-rank percentile of {@code p} (0..100) over nanosecond samples, in milliseconds. */
    public static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) return Double.NaN;
        long[] s = nanos.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }
}
