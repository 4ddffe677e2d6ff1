package dev.tillsync.desktop.sale;

import dev.tillsync.core.invoice.Payment;

/** A payment being entered at the till. */
public record Tender(String mode, long amountMinor, String reference) {
    public Payment asPayment() {
        return new Payment(mode, amountMinor, reference == null || reference.isBlank() ? null : reference.trim());
    }

    public boolean isCash() {
        return asPayment().isCash();
    }
}
