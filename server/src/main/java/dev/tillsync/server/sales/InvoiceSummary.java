package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.time.Instant;

/** One invoice (a sale or a return) in a list: money in minor units, with the same amounts as text beside them. */
public record InvoiceSummary(String number, String device, Instant postedAt, String cashier, String customerNumber,
                             String returnAgainst, boolean offline, long netMinor, long taxMinor, long grossMinor) {
    @JsonProperty("kind")
    public String kind() {
        return returnAgainst == null ? "sale" : "return";
    }

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
}
