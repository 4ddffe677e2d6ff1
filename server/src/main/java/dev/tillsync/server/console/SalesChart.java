package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;

import java.util.List;

/** Sales per hour of one day as inline SVG; hours with sales made offline are shaded. */
final class SalesChart {
    private static final int W = 760, H = 220, LEFT = 56, RIGHT = 12, TOP = 16, BOTTOM = 30;

    private SalesChart() {}

    static String svg(List<ConsoleQueries.HourSales> hours, String caption) {
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
        StringBuilder b = new StringBuilder();
        b.append("<figure class=\"chart\"><svg id=\"sales-chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\" aria-label=\"").append(e(caption)).append("\">");
        for (int i = 0; i < 24; i++) {
            if (offline[i] > 0) {
                b.append("<rect class=\"offline\" x=\"").append(f(LEFT + i * slot)).append("\" y=\"").append(TOP).append("\" width=\"")
                        .append(f(slot)).append("\" height=\"").append(f(plotH)).append("\"><title>")
                        .append(String.format("%02d:00 — %d of %d sales made offline", i, offline[i], count[i])).append("</title></rect>");
            }
        }
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotH - plotH * g / 4;
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\"/><text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.money(max * g / 4)).append("</text>");
        }
        for (int i = 0; i < 24; i++) {
            if (total[i] > 0) {
                double h = plotH * total[i] / max;
                b.append("<rect class=\"bar\" x=\"").append(f(LEFT + i * slot + slot * 0.15)).append("\" y=\"").append(f(TOP + plotH - h))
                        .append("\" width=\"").append(f(slot * 0.7)).append("\" height=\"").append(f(h)).append("\"><title>")
                        .append(String.format("%02d:00 — %d sales, ", i, count[i])).append(Html.money(total[i])).append("</title></rect>");
            }
            if (i % 3 == 0) {
                b.append("<text class=\"axis\" x=\"").append(f(LEFT + i * slot + slot / 2)).append("\" y=\"").append(H - 10)
                        .append("\" text-anchor=\"middle\">").append(String.format("%02d", i)).append("</text>");
            }
        }
        b.append("</svg><figcaption>").append(e(caption))
                .append(" <span class=\"legend\"><i class=\"sw bar\"></i> sales total <i class=\"sw offline\"></i> hours with offline sales</span></figcaption></figure>");
        return b.toString();
    }

    private static String f(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
