package dev.tillsync.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one money convention of tillsync: amounts are {@code long} minor units (cents) everywhere,
 * in Java, in SQLite, in PostgreSQL (bigint) and in JSON (integer). Two decimal places.
 * This class only converts between that and text people type or read.
 */
public final class Money {
    public static final int SCALE = 2;

    private Money() {}

    /** Parses "12.5", "12.50" or "12" into minor units; refuses more than two decimals or non-numbers. */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is empty");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("amount has more than " + SCALE + " decimals: '" + text + "'");
        }
        try {
            return value.movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount out of range: '" + text + "'");
        }
    }

    /** Formats minor units as "1234.50" (no currency symbol, no grouping). */
    public static String format(long minor) {
        return BigDecimal.valueOf(minor, SCALE).toPlainString();
    }

    /** Rounds a decimal amount of minor units half-even (banker's rounding, as tax authorities commonly expect). */
    public static long round(BigDecimal minorUnits) {
        return minorUnits.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
