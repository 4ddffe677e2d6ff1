package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales per cashier over local days of the shop, store-wide or for one till, and a total. As in {@link DailyReport},
 * gross includes returns (negative); cash taken is cash tendered less change given back and cash refunded.
 */
public record CashierReport(LocalDate from, LocalDate to, String device, String timeZone, List<Cashier> cashiers, Cashier total) {

    /**
     * {@code cashier} is the login the till sent (null on the total); {@code name} the staff record's, when there is one;
     * {@code roundingMinor} the cash rounding of the cashier's invoices (payments − change − total), its own amount.
     */
    public record Cashier(String cashier, String name, long sales, long grossMinor, long returns, long returnsMinor, long cashTakenMinor,
                          long discountsMinor, long roundingMinor) {
        @JsonProperty("rounding")
        public String rounding() {
            return Money.format(roundingMinor);
        }

        @JsonProperty("discounts")
        public String discounts() {
            return Money.format(discountsMinor);
        }

        @JsonProperty("gross")
        public String gross() {
            return Money.format(grossMinor);
        }

        @JsonProperty("returnsAmount")
        public String returnsAmount() {
            return Money.format(returnsMinor);
        }

        @JsonProperty("cashTaken")
        public String cashTaken() {
            return Money.format(cashTakenMinor);
        }
    }
}
