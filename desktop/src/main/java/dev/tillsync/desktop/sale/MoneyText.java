package dev.tillsync.desktop.sale;

import dev.tillsync.core.money.Money;

/** Money as the cashier reads and types it: minor units in, "12.50" out. */
public final class MoneyText {
    private MoneyText() {}

    public static String of(long minor) {
        return Money.format(minor);
    }

    public static String ofNullable(Long minor) {
        return minor == null ? "" : Money.format(minor);
    }

    /** Parses a typed amount; throws IllegalArgumentException with a message fit for the cashier. */
    public static long parse(String text) {
        try {
            return Money.parse(text.replace(",", ".").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount (e.g. 12.50).");
        }
    }
}
