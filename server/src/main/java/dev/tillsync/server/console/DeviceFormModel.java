package dev.tillsync.server.console;

import dev.tillsync.core.sync.ClockOffset;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.device.DeviceView;
import java.util.List;

/**
 * The POS Offline form with its two child tables and, for an existing device, the link panel. {@code device}
 * holds what is shown: the stored record, or the values as typed when a save was refused.
 */
record DeviceFormModel(Frame frame, boolean isNew, boolean edit, DeviceView device, String error, String note,
                       List<String> profiles, List<String> shiftTypes, List<String> userEmails, int rowsMin, int rowsMax) {

    String posIdUrl() {
        return Format.url(device.posId());
    }

    String status() {
        return device.connectionStatus().label();
    }

    boolean linked() {
        return device.connectionStatus() == ConnectionStatus.LINKED;
    }

    boolean unlinked() {
        return device.connectionStatus() == ConnectionStatus.UNLINKED;
    }

    /** The till's clock against the server's, as its last push reported it. */
    String clockOffset() {
        ClockOffset o = device.clockOffset();
        return o == null ? "not reported yet (each sync reports it)" : o.describe() + ", reported " + Format.time(o.measuredAt());
    }

    /** Unboxes a child row's flag as the form shows it: unset is unticked. */
    static boolean ticked(Boolean flag) {
        return flag != null && flag;
    }
}
