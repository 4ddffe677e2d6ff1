package dev.tillsync.core.pricing;

/** Integer division with the one rounding every money rule uses: half to even, exact in long arithmetic. */
public final class Rounding {
    private Rounding() {}

    /** numerator ÷ denominator (denominator &gt; 0), rounded half-even. */
    public static long halfEven(long numerator, long denominator) {
        long q = Math.floorDiv(numerator, denominator), r = Math.floorMod(numerator, denominator);
        long twice = 2 * r;
        if (twice > denominator || (twice == denominator && (q & 1) != 0)) q++;
        return q;
    }

    /** a × b ÷ d rounded half-even, exact even when a × b overflows a long. */
    public static long mulDivHalfEven(long a, long b, long d) {
        try {
            return halfEven(Math.multiplyExact(a, b), d);
        } catch (ArithmeticException overflow) {
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                    .divideAndRemainder(java.math.BigInteger.valueOf(d));
            long q = qr[0].longValueExact();
            java.math.BigInteger r = qr[1];
            if (r.signum() < 0) {
                q--;
                r = r.add(java.math.BigInteger.valueOf(d));
            }
            int c = r.shiftLeft(1).compareTo(java.math.BigInteger.valueOf(d));
            if (c > 0 || (c == 0 && (q & 1) != 0)) q++;
            return q;
        }
    }
}
