package dev.tillsync.server.console;

import java.util.List;

/** The device list: one line per device, with those silent for longer than {@code silentDays} highlighted. */
record DeviceListModel(Frame frame, boolean canEdit, int silentDays, List<Line> lines) {

    /** One device as the list shows it; {@code days} is "never" for a device that has not synced yet. */
    record Line(String posId, String posIdUrl, String profile, String connectionStatus, String lastSync, String days,
                boolean silent, long pending, long failed, long openFlags, String description) {}
}
