package dev.tillsync.core.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A tender on an invoice. For cash, {@code amountMinor} is what the customer handed over;
 * the change given back is on the invoice ({@link InvoicePayload#changeMinor()}).
 *
 * @param mode        payment mode name from the POS profile (e.g. "Cash", "Card")
 * @param amountMinor amount tendered, minor units (negative on a return refund)
 * @param reference   card slip or transfer reference; may be null
 */
public record Payment(String mode, long amountMinor, String reference) {
    public static final String CASH = "Cash";

    @JsonIgnore // derived, not part of the wire form
    public boolean isCash() {
        return CASH.equalsIgnoreCase(mode);
    }
}
