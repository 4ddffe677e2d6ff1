package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Sales per local day of the shop, store-wide ({@code device} null) or for one till, every day of the range listed
 * (days without sales as zeros) and a total. Every amount includes returns: a return's totals are negative, so net,
 * tax, gross and the payment modes are what the shop kept; {@code returnsMinor} says how much of it went back.
 *
 * @param rates  every tax rate (basis points) that occurs in the range, highest first: the columns of taxByRate
 * @param modes  every payment mode that occurs in the range, by name: the keys of byPaymentModeMinor
 * @param discountsNote a remark on the discounts column, or null (none since V13 stores each invoice's discount_minor)
 */
public record DailyReport(LocalDate from, LocalDate to, String device, String timeZone, List<Integer> rates, List<String> modes,
                          String discountsNote, List<Day> days, Day total) {

    /** {@code day} is null on the total. {@code byPaymentModeMinor}: tenders, with change given back taken off Cash. */
    public record Day(LocalDate day, long invoices, long returns, long returnsMinor, long netMinor, long taxMinor, long grossMinor,
                      long discountsMinor, List<TaxRate> taxByRate, Map<String, Long> byPaymentModeMinor) {
        @JsonProperty("net")
        public String net() {
            return Money.format(netMinor);
        }

        @JsonProperty("tax")
        public String tax() {
            return Money.format(taxMinor);
        }

        @JsonProperty("gross")
        public String gross() {
            return Money.format(grossMinor);
        }

        @JsonProperty("returnsAmount")
        public String returnsAmount() {
            return Money.format(returnsMinor);
        }

        @JsonProperty("discounts")
        public String discounts() {
            return Money.format(discountsMinor);
        }

        @JsonProperty("byPaymentMode")
        public Map<String, String> byPaymentMode() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            byPaymentModeMinor.forEach((k, v) -> out.put(k, Money.format(v)));
            return out;
        }

        /** The figures of one rate, zeros when none was sold at it that day. */
        public TaxRate rate(int bp) {
            return taxByRate.stream().filter(t -> t.rateBp() == bp).findFirst().orElse(new TaxRate(bp, 0, 0));
        }

        public long mode(String name) {
            return byPaymentModeMinor.getOrDefault(name, 0L);
        }
    }

    /** The taxable amount and the tax at one rate. */
    public record TaxRate(int rateBp, long netMinor, long taxMinor) {
        @JsonProperty("rate")
        public String rate() {
            return SalesText.rate(rateBp);
        }

        @JsonProperty("net")
        public String net() {
            return Money.format(netMinor);
        }

        @JsonProperty("tax")
        public String tax() {
            return Money.format(taxMinor);
        }
    }
}
