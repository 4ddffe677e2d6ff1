package dev.tillsync.server.console;

import dev.tillsync.server.catalog.ProfileRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The POS profiles page: the list and, when one is open, its form with every setting; {@code modes} are the active
 * payment modes, offered as checkboxes in the profile's order first (the order the till shows them).
 */
record ProfilesModel(Frame frame, String notice, String error, List<ProfileRecord> profiles, ProfileRecord edit,
                     List<String> devicesOnIt, List<String> modes, boolean canWrite) {

    /** The active modes with the profile's own first, in its order. */
    List<String> orderedModes() {
        List<String> out = new ArrayList<>(edit == null ? List.of() : edit.paymentModes());
        for (String m : modes) if (!out.contains(m)) out.add(m);
        return out;
    }

    boolean offers(String mode) {
        return edit != null && edit.paymentModes().contains(mode);
    }

    String cashRounding() {
        return edit == null ? "" : BigDecimal.valueOf(edit.cashRoundingMinor(), edit.currencyDigits()).toPlainString();
    }

    String maxDiscount() {
        return edit == null ? "" : BigDecimal.valueOf(edit.maxDiscountBp(), 2).stripTrailingZeros().toPlainString();
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
