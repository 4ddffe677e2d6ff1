package dev.tillsync.terminal.sale;

import dev.tillsync.core.master.Gtin;
import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.terminal.TerminalException;
import java.util.Optional;

/**
 * A scale label (EAN-13 with the profile's prefix, docs/pricing.md "Scale labels") read with the profile's layout.
 * Invariant: a label is read only when its check digit is right; a bad one is refused, never guessed at.
 *
 * @param itemBarcode the barcode of the item it is for: the prefix and the item digits ("21" + "00042")
 * @param value       the value digits as a number with {@code decimals} decimals (a weight in the item's unit, or
 *                    a price in major units)
 * @param weight      true for a weight label, false for a price label
 */
public record ScaleLabel(String code, String itemBarcode, long value, int decimals, boolean weight) {

    /** The label {@code code} carries under {@code layout}, or empty when the code is not a label of it (any other barcode). */
    public static Optional<ScaleLabel> read(ScaleLayout layout, String code) {
        if (layout == null || layout.prefix() == null || code == null) return Optional.empty();
        String c = code.trim();
        int itemEnd = layout.prefix().length() + layout.itemDigits();
        if (c.length() != 13 || !c.startsWith(layout.prefix()) || !c.chars().allMatch(Character::isDigit)
                || itemEnd + layout.valueDigits() > 12) {
            return Optional.empty();
        }
        if (!Gtin.valid(c)) {
            throw new TerminalException("bad_scale_label", "Scale label " + c + " has a wrong check digit (expected "
                    + Gtin.checkDigit(c.substring(0, 12)) + "): scan it again or type the item and its weight.");
        }
        long value = Long.parseLong(c.substring(itemEnd, itemEnd + layout.valueDigits()));
        return Optional.of(new ScaleLabel(c, c.substring(0, itemEnd), value, layout.valueDecimals(),
                !ScaleLayout.PRICE.equalsIgnoreCase(layout.kind())));
    }

    /** The value rescaled to {@code digits} decimals (3 for thousandths, the currency's digits for minor units). */
    public long valueIn(int digits) {
        return java.math.BigDecimal.valueOf(value, decimals).movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY)
                .longValueExact();
    }
}
