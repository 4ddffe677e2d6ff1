package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the server holds less of a device than the till has seen acknowledged: the database was restored
 * from a backup (or failed over to a standby that missed the last commits) after the till marked rows Synced. The
 * answer then asks the till to send again every row after the highest sequence the server holds; ingest is
 * idempotent, so a row the server does have comes back {@code duplicate}. Stateless.
 */
public final class ResendCheck {
    private static final Logger log = LoggerFactory.getLogger(ResendCheck.class);

    private ResendCheck() {}

    /** The till's {@link SyncHeaders#SYNCED_THROUGH}, or null when absent; refused when it is not a sequence number. */
    public static Long syncedThrough(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            long v = Long.parseLong(header.trim());
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("invalid_synced_through", SyncHeaders.SYNCED_THROUGH
                + " must be the highest sequence number the till holds as Synced (a whole number, 0 or more); nothing was applied.");
    }

    /**
     * The sequence after which the till must send again, or null when the server holds all it reported.
     * {@code serverHolds}: the highest sequence of the device the server has, read before this call's rows were applied.
     */
    public static Long resendAfter(DeviceRecord device, long serverHolds, Long tillSyncedThrough) {
        if (tillSyncedThrough == null || tillSyncedThrough <= serverHolds) return null;
        log.warn("device {} holds rows up to {} as synced but this server has only up to {} (database restored from a backup?):"
                        + " asked it to send again every row after {}", device.posId(), tillSyncedThrough, serverHolds, serverHolds);
        return serverHolds;
    }
}
