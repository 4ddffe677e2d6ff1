package dev.tillsync.core.pricing;

import java.util.Objects;

/**
 * A discount on a line or on a whole sale: a percentage ({@code value} in basis points, 1000 = 10%) or an amount
 * ({@code value} in minor units), with the cashier's reason. {@code approvedBy} is the login of the device user who
 * approved a discount over the profile's limit (null when none was needed).
 */
public record Discount(Kind kind, long value, String reason, String approvedBy) {
    public enum Kind { PERCENT, AMOUNT }

    public Discount {
        Objects.requireNonNull(kind, "kind");
        if (value < 0) throw new PricingException("A discount cannot be negative (" + value + ").");
        if (kind == Kind.PERCENT && value > 10_000) {
            throw new PricingException("A discount of " + java.math.BigDecimal.valueOf(value, 2).stripTrailingZeros().toPlainString()
                    + "% is over 100%.");
        }
    }

    public static Discount percent(long basisPoints, String reason) {
        return new Discount(Kind.PERCENT, basisPoints, reason, null);
    }

    public static Discount amount(long minor, String reason) {
        return new Discount(Kind.AMOUNT, minor, reason, null);
    }

    public Discount approvedBy(String login) {
        return new Discount(kind, value, reason, login);
    }

    /** The discount off {@code baseMinor} (≥ 0): a percentage rounded half-even, an amount as given; never more than the base. */
    public long off(long baseMinor) {
        long d = kind == Kind.PERCENT ? Rounding.halfEven(Math.multiplyExact(baseMinor, value), 10_000) : value;
        if (d > baseMinor) {
            throw new PricingException("A discount of " + value + " (minor units) is more than the " + baseMinor + " it is taken from.");
        }
        return d;
    }

    /** The discount as a share of {@code baseMinor}, in basis points rounded up: what the approval limit is compared with. */
    public long basisPointsOf(long baseMinor) {
        if (kind == Kind.PERCENT) return value;
        if (baseMinor == 0) return value == 0 ? 0 : 10_000;
        return Math.ceilDiv(Math.multiplyExact(value, 10_000L), baseMinor);
    }
}
