package dev.tillsync.core.invoice;

import java.util.regex.Pattern;

/**
 * A device's numbering series (invariant 2): a prefix unique to the device plus a zero-padded counter,
 * e.g. {@code POS-0007-000123}. Offline numbers never collide across devices because prefixes differ.
 */
public record NumberingSeries(String prefix, int digits) {
    public static final int INVOICE_DIGITS = 6;
    public static final int CUSTOMER_DIGITS = 5;

    public NumberingSeries {
        if (prefix == null || prefix.isBlank()) throw new IllegalArgumentException("numbering series prefix is empty");
        if (digits < 1 || digits > 12) throw new IllegalArgumentException("numbering series digits out of range");
    }

    public static NumberingSeries invoices(String prefix) {
        return new NumberingSeries(prefix, INVOICE_DIGITS);
    }

    public static NumberingSeries customers(String prefix) {
        return new NumberingSeries(prefix, CUSTOMER_DIGITS);
    }

    public String format(long counter) {
        if (counter < 1) throw new IllegalArgumentException("counter must start at 1");
        return prefix + String.format("%0" + digits + "d", counter);
    }

    /** The counter of a number of this series (POS-0007-000123 → 123), or 0 when it is not one of the series'. */
    public long counterOf(String number) {
        if (!contains(number)) return 0;
        String digits = number.substring(prefix.length());
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** True when {@code number} is this prefix followed by digits only. */
    public boolean contains(String number) {
        return number != null && number.startsWith(prefix)
                && Pattern.matches("\\d{" + digits + ",}", number.substring(prefix.length()));
    }
}
