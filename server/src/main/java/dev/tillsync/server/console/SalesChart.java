package dev.tillsync.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sales per hour of one day, laid out for the inline SVG of chart.jte; hours with sales made offline are shaded.
 * Only geometry and plain text are computed here: the template writes the markup and escapes every text in it.
 */
record SalesChart(String caption, List<Mark> offline, List<GridLine> grid, List<Mark> bars, List<Tick> ticks) {
    static final int W = 760, H = 220;
    private static final int LEFT = 56, RIGHT = 12, TOP = 16, BOTTOM = 30;

    /** A rectangle with its tooltip: a sales bar, or the shading of an hour with offline sales. */
    record Mark(String x, String y, String width, String height, String title) {}

    /** A horizontal grid line and its amount on the left axis. */
    record GridLine(String x1, String x2, String y, String labelX, String labelY, String label) {}

    /** An hour label under the plot. */
    record Tick(String x, String y, String label) {}

    static SalesChart of(List<ConsoleQueries.HourSales> hours, String caption) {
        long[] total = new long[24];
        long[] count = new long[24];
        long[] offline = new long[24];
        for (ConsoleQueries.HourSales h : hours) {
            total[h.hour()] = h.totalMinor();
            count[h.hour()] = h.count();
            offline[h.hour()] = h.offlineCount();
        }
        long max = 1;
        for (long t : total) max = Math.max(max, t);
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM, slot = plotW / 24;
        List<Mark> shades = new ArrayList<>();
        List<GridLine> grid = new ArrayList<>();
        List<Mark> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            if (offline[i] > 0) {
                shades.add(new Mark(f(LEFT + i * slot), String.valueOf(TOP), f(slot), f(plotH),
                        String.format("%02d:00 — %d of %d sales made offline", i, offline[i], count[i])));
            }
        }
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotH - plotH * g / 4;
            grid.add(new GridLine(String.valueOf(LEFT), String.valueOf(W - RIGHT), f(y), String.valueOf(LEFT - 6), f(y + 4),
                    Format.money(max * g / 4)));
        }
        for (int i = 0; i < 24; i++) {
            if (total[i] > 0) {
                double h = plotH * total[i] / max;
                bars.add(new Mark(f(LEFT + i * slot + slot * 0.15), f(TOP + plotH - h), f(slot * 0.7), f(h),
                        String.format("%02d:00 — %d sales, ", i, count[i]) + Format.money(total[i])));
            }
            if (i % 3 == 0) ticks.add(new Tick(f(LEFT + i * slot + slot / 2), String.valueOf(H - 10), String.format("%02d", i)));
        }
        return new SalesChart(caption, List.copyOf(shades), List.copyOf(grid), List.copyOf(bars), List.copyOf(ticks));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
