package dev.tillsync.server.device;

import dev.tillsync.core.sync.ClockOffset;
import dev.tillsync.core.sync.ConnectionStatus;
import java.time.Instant;
import java.util.List;

/**
 * The "POS Offline" record in the API, with its two child tables. On create/update the read-only fields
 * (connectionStatus, lastSync, profilePlk, clockOffset) are ignored, so a GET body can be edited and PUT back.
 * {@code clockOffset} is the till's clock minus the server's as the till last reported it with a push (its
 * {@code measuredAt} is when the server received it), null before any.
 */
public record DeviceView(String posId, String invoiceSeries, String customerSeries, String posProfile,
                         Integer syncRowsPerRequest, ConnectionStatus connectionStatus, Instant lastSync,
                         String description, String profilePlk, List<DeviceUserView> users, List<ShiftUserView> shiftUsers,
                         ClockOffset clockOffset) {

    /** A record as typed or built here, without the clock offset only a push reports. */
    public DeviceView(String posId, String invoiceSeries, String customerSeries, String posProfile, Integer syncRowsPerRequest,
                      ConnectionStatus connectionStatus, Instant lastSync, String description, String profilePlk,
                      List<DeviceUserView> users, List<ShiftUserView> shiftUsers) {
        this(posId, invoiceSeries, customerSeries, posProfile, syncRowsPerRequest, connectionStatus, lastSync, description,
                profilePlk, users, shiftUsers, null);
    }

    /** A row of the "POS Offline User" child table. */
    public record DeviceUserView(String user, String firstName, String lastName, Boolean canConfigurePos,
                                 Boolean canExportLog, Boolean canReprint) {
        public DeviceUserView {
            canConfigurePos = Boolean.TRUE.equals(canConfigurePos);
            canExportLog = Boolean.TRUE.equals(canExportLog);
            canReprint = Boolean.TRUE.equals(canReprint);
        }
    }

    /** A row of the "Shift Users" child table. */
    public record ShiftUserView(String user, String shiftType) {}
}
