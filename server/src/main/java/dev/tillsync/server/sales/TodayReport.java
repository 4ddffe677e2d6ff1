package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One local day of the whole shop at a glance: totals, each till's sales and sync health, and sales per local hour.
 * Gross includes returns (negative), as in {@link DailyReport}; the hours count sales only.
 */
public record TodayReport(LocalDate day, String timeZone, long sales, long grossMinor, long returns, long returnsMinor,
                          Map<String, Long> byPaymentModeMinor, List<Till> tills, List<Hour> hours) {

    /**
     * {@code pending}: sequence numbers below the highest the server received that have not arrived, plus rows in
     * flight; {@code failed}: rows refused; {@code toReview}: accepted rows flagged and not yet reviewed.
     */
    public record Till(String posId, String connectionStatus, Instant lastSync, long sales, long grossMinor, long pending,
                       long failed, long toReview) {
        @JsonProperty("gross")
        public String gross() {
            return Money.format(grossMinor);
        }
    }

    /** Sales in one local hour (0-23); {@code offlineCount}: of them, made while the till was offline. */
    public record Hour(int hour, long count, long totalMinor, long offlineCount) {}

    @JsonProperty("gross")
    public String gross() {
        return Money.format(grossMinor);
    }

    @JsonProperty("returnsAmount")
    public String returnsAmount() {
        return Money.format(returnsMinor);
    }
}
