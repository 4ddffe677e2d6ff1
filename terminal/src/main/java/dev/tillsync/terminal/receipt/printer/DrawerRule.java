package dev.tillsync.terminal.receipt.printer;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;

/**
 * Whether a receipt carries the drawer pulse: a new sale or return (never a reprint) with a non-zero tender whose
 * profile payment mode opens the drawer (cash in, or a cash refund out). A mode the profile does not know opens nothing.
 */
public final class DrawerRule {
    private DrawerRule() {}

    public static boolean opens(InvoicePayload inv, ProfileData profile, boolean reprint) {
        if (reprint || profile == null) return false;
        for (Payment p : inv.payments()) {
            PaymentModeData m = profile.mode(p.mode());
            if (m != null && m.opensDrawer() && p.amountMinor() != 0) return true;
        }
        return false;
    }
}
