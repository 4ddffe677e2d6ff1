package dev.tillsync.core.master;

/** The GTIN (EAN-8, UPC-A, EAN-13) check digit, one rule for the server's barcode check and the till's scale labels. */
public final class Gtin {
    private Gtin() {}

    /** The check digit of the digits before it. */
    public static char checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? 3 * d : d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** True when {@code code} is all digits and its last digit is the check digit of the others. */
    public static boolean valid(String code) {
        if (code == null || code.length() < 2 || !code.chars().allMatch(Character::isDigit)) return false;
        return code.charAt(code.length() - 1) == checkDigit(code.substring(0, code.length() - 1));
    }
}
