package dev.tillsync.server.console;

import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.master.staff.StaffService;
import java.util.List;

/**
 * The staff page: the cashiers with their tills, and the cashier form ({@code edit} null for a new one). PINs are
 * never put back into a page; {@code tills} and {@code shiftTypes} are what the assignment can choose from.
 */
record StaffModel(Frame frame, String notice, String error, List<StaffService.Cashier> cashiers, StaffService.Cashier edit,
                  String draftName, String draftEmail, List<String> tills, List<String> shiftTypes, boolean canWrite) {

    /** The cashier's assignment on a till, or null when not on it. */
    DeviceRegistry.Assignment on(String posId) {
        if (edit == null) return null;
        return edit.tills().stream().filter(a -> a.posId().equals(posId)).findFirst().orElse(null);
    }

    static String tillsText(StaffService.Cashier c) {
        return String.join(", ", c.tills().stream().map(a -> a.posId() + (a.shiftTypes().isEmpty() ? "" : " (" + String.join(", ", a.shiftTypes()) + ")")).toList());
    }
}
