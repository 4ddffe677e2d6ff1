package dev.tillsync.desktop.sale;

import java.util.List;
import java.util.TreeSet;

/**
 * The cash a customer is likely to hand over for {@code due}: the next round amounts of 5, 10, 20, 50 and 100 above it
 * (in major units of a 2-decimal currency). A suggestion for buttons, never a money rule: the tender is what is typed or pressed.
 */
final class QuickCash {
    private static final long[] STEPS = {500, 1000, 2000, 5000, 10000};

    private QuickCash() {}

    /** Up to {@code max} round amounts strictly above {@code dueMinor}, smallest first. */
    static List<Long> notes(long dueMinor, int max) {
        TreeSet<Long> out = new TreeSet<>();
        if (dueMinor <= 0) return List.of();
        for (long step : STEPS) {
            long up = (dueMinor / step + 1) * step;
            out.add(up);
        }
        return out.stream().limit(max).toList();
    }
}
