package dev.tillsync.core.master;

import java.util.Arrays;
import java.util.Optional;

/**
 * An item's unit of measure. Every quantity (sold, returned, in stock) is a count of thousandths of it; a
 * {@link #UNIT} item sells only in whole thousands, a measured one ({@code kg}, {@code g}, {@code l}, {@code m}) in any.
 */
public enum Unit {
    UNIT("unit", false), KG("kg", true), G("g", true), L("l", true), M("m", true);

    /** Thousandths per unit: the scale of every quantity on the wire and in both stores. */
    public static final long MILLI = 1000;

    private final String code;
    private final boolean measured;

    Unit(String code, boolean measured) {
        this.code = code;
        this.measured = measured;
    }

    public String code() {
        return code;
    }

    /** Sold in fractions (weight, volume, length). */
    public boolean measured() {
        return measured;
    }

    /** The unit with this code (case-insensitive), if it is one of the five. */
    public static Optional<Unit> parse(String code) {
        if (code == null) return Optional.empty();
        String c = code.trim();
        return Arrays.stream(values()).filter(u -> u.code.equalsIgnoreCase(c)).findFirst();
    }

    /** The codes, for messages: "unit, kg, g, l, m". */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Unit::code).toList());
    }

    /** A quantity in thousandths as a person writes it: 3000 → "3", -1250 → "-1.25". */
    public static String format(long qtyMilli) {
        return java.math.BigDecimal.valueOf(qtyMilli, 3).stripTrailingZeros().toPlainString();
    }

    /** True when {@code qtyMilli} is a quantity this unit may be sold or counted in. */
    public boolean allows(long qtyMilli) {
        return measured || qtyMilli % MILLI == 0;
    }
}
