package dev.tillsync.core.pricing;

/**
 * Cash rounding (the profile's increment, e.g. 5 minor units for 0.05): applies only to what is paid in cash, and
 * the difference is its own amount on the invoice (and in reconciliation), never hidden in a line.
 * The amount due in cash is rounded to the nearest multiple of the increment; exactly half way rounds up (toward
 * the shop), as the Swedish and Swiss 0.05 rules do.
 */
public final class CashRounding {
    private CashRounding() {}

    /** The rounding adjustment (may be negative) for {@code cashDueMinor} paid in cash; 0 when the increment is 0 or 1. */
    public static long adjustment(long cashDueMinor, long incrementMinor) {
        if (incrementMinor < 0) throw new PricingException("A cash rounding increment cannot be negative.");
        if (incrementMinor <= 1 || cashDueMinor == 0) return 0;
        long sign = Long.signum(cashDueMinor), due = Math.abs(cashDueMinor);
        long down = due - due % incrementMinor;
        long rounded = (due - down) * 2 >= incrementMinor ? down + incrementMinor : down;
        return sign * (rounded - due);
    }
}
