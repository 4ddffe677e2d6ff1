package dev.tillsync.server.sales;

import java.math.BigDecimal;

/** Plain text for figures the sales pages and CSV files share (a tax rate in basis points as a percentage). */
public final class SalesText {
    private SalesText() {}

    /** 1500 → "15%", 750 → "7.5%", 0 → "0%". */
    public static String rate(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
