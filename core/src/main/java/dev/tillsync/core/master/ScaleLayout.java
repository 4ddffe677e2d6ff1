package dev.tillsync.core.master;

/**
 * How the profile's scale labels (EAN-13 with a prefix from 20-29) carry an item and a value: {@code prefix} (two
 * digits), then {@code itemDigits} digits of the item's scale code, then {@code valueDigits} digits of the value with
 * {@code valueDecimals} decimals, then the check digit. {@code kind} is {@code weight} (the value is a quantity of the
 * item's unit) or {@code price} (the value is the line's amount in major units).
 */
public record ScaleLayout(String prefix, int itemDigits, int valueDigits, int valueDecimals, String kind) {
    public static final String WEIGHT = "weight";
    public static final String PRICE = "price";
}
