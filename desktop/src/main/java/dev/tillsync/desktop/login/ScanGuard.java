package dev.tillsync.desktop.login;

/**
 * Tells a barcode scan from a PIN on the lock screen. A scanner is a keyboard that types a whole code and Enter in a
 * burst; a PIN is 4 to 8 digits typed by a person. Invariant: what cannot be a PIN (not 4–8 digits) and an 8-digit
 * burst faster than anyone types are never tried as a PIN, so a scan never costs a try towards the lock-out.
 */
final class ScanGuard {
    /** Faster than this between keys, on average, is a machine typing. */
    static final long BURST_GAP_NANOS = 35_000_000L;

    private long first;
    private long last;
    private int keys;

    /** A character was typed into the PIN field at {@code nanos}. */
    void typed(long nanos) {
        if (keys == 0) first = nanos;
        last = nanos;
        keys++;
    }

    void reset() {
        keys = 0;
    }

    /** True when {@code text} may be a PIN try: 4–8 digits, and not an 8-digit burst. */
    boolean mayBePin(String text) {
        if (text == null || !text.matches("\\d{4,8}")) return false;
        return !(text.length() == 8 && burst());
    }

    /** True when the field was filled as a scanner fills it. */
    boolean burst() {
        return keys >= 6 && (last - first) / (keys - 1) < BURST_GAP_NANOS;
    }
}
