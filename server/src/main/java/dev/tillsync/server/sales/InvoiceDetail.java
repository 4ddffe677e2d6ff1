package dev.tillsync.server.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * One invoice as sold, with what happened to it since: the returns made against it (with the quantity returned per
 * line) and the sync facts (which till, which shift, when the server received it, what was flagged).
 */
public record InvoiceDetail(String number, String device, Instant postedAt, String cashier, String customerNumber,
                            boolean offline, String returnAgainst, String profileKey, long netMinor, long taxMinor,
                            long grossMinor, long changeMinor, List<Line> lines, List<Tender> payments,
                            List<ReturnMade> returns, SyncFacts sync, boolean pricesIncludeTax, long discountMinor,
                            long roundingMinor) {

    /**
     * {@code returnedQtyMilli}: how much of this line came back on later returns (allocated to the item's lines in order),
     * in thousandths like {@code qtyMilli}; {@code qty} and {@code returnedQty} are their whole parts (previous readers).
     * {@code discountMinor}: the line's own discount and its share of the sale's.
     */
    public record Line(int lineNo, String itemCode, String itemName, long qty, long rateMinor, int taxRateBp,
                       long netMinor, long taxMinor, long totalMinor, long returnedQty, long qtyMilli, String unit,
                       long grossMinor, long discountMinor, long returnedQtyMilli) {
        /** "1.25" (kg) or "3": the quantity as a person writes it. */
        @JsonProperty("quantity")
        public String quantity() {
            return dev.tillsync.core.master.Unit.format(qtyMilli);
        }

        @JsonProperty("rate")
        public String rate() {
            return Money.format(rateMinor);
        }

        @JsonProperty("total")
        public String total() {
            return Money.format(totalMinor);
        }

        /** "15%" or "7.5%". */
        @JsonProperty("taxRate")
        public String taxRate() {
            return SalesText.rate(taxRateBp);
        }
    }

    public record Tender(int lineNo, String mode, long amountMinor, String reference) {
        @JsonProperty("amount")
        public String amount() {
            return Money.format(amountMinor);
        }
    }

    /** A return made against this invoice: its own number and total (negative), and what came back (positive qty). */
    public record ReturnMade(String number, String device, Instant postedAt, long grossMinor, List<ReturnedItem> items) {
        @JsonProperty("gross")
        public String gross() {
            return Money.format(grossMinor);
        }
    }

    public record ReturnedItem(String itemCode, String itemName, long qty, long qtyMilli) {}

    /** The shift the sale was made in, as its open and close reported it; null fields when they have not arrived. */
    public record Shift(String uuid, String user, String shiftType, Instant openedAt, Instant closedAt) {}

    /** How the invoice reached the server: its outbox row, when it arrived and how, and its review flag. */
    public record SyncFacts(String uuid, Long seq, Instant receivedAt, String via, boolean review, List<String> reviewReasons,
                            String reviewedBy, Instant reviewedAt, Shift shift) {}

    @JsonProperty("kind")
    public String kind() {
        return returnAgainst == null ? "sale" : "return";
    }

    @JsonProperty("gross")
    public String gross() {
        return Money.format(grossMinor);
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
