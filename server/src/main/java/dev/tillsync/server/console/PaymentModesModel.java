package dev.tillsync.server.console;

import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import java.util.List;

/**
 * The payment modes page: the list and one form, new ({@code editing} false) or for one mode. The form shows a
 * {@link Draft}: the record as read, or after a refusal exactly what the user typed.
 */
record PaymentModesModel(Frame frame, String notice, String error, List<PaymentModeService.Mode> modes, Draft draft, boolean editing,
                         boolean canWrite) {

    /** The form's values as text and ticks; {@code version} is the version the user read (edit only). */
    record Draft(String name, String type, boolean opensDrawer, boolean requiresReference, boolean active, Integer version) {
        static Draft blank() {
            return new Draft("", "cash", true, false, true, null);
        }

        static Draft of(PaymentModeService.Mode m) {
            return new Draft(m.name(), m.type(), m.opensDrawer(), m.requiresReference(), m.active(), m.version());
        }
    }

    static final List<String> TYPES = List.of("cash", "card", "other");
}
