package dev.tillsync.server.device;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.server.refusal.Refusal;

/** Checks the device headers of a sync call. Invariant: an Unlinked device's secret is refused everywhere. */
public final class DeviceAuth {
    private final DeviceRegistry devices;

    public DeviceAuth(DeviceRegistry devices) {
        this.devices = devices;
    }

    /** The authenticated device, or 401 device_auth_failed / 403 device_unlinked. */
    public DeviceRecord authenticate(String posIdHeader, String authorization) {
        String secret = authorization != null && authorization.regionMatches(true, 0, SyncHeaders.SCHEME, 0, SyncHeaders.SCHEME.length())
                ? authorization.substring(SyncHeaders.SCHEME.length()).trim() : null;
        if (posIdHeader == null || posIdHeader.isBlank() || secret == null || secret.isEmpty()) {
            throw failed();
        }
        DeviceRecord d = devices.find(posIdHeader.trim()).orElseThrow(DeviceAuth::failed);
        if (d.secretHash() == null || !Secrets.sameDigest(d.secretHash(), Secrets.sha256(secret))) {
            throw failed();
        }
        if (d.status() == ConnectionStatus.UNLINKED) {
            throw Refusal.forbidden("device_unlinked", "Device " + d.posId() + " is unlinked; ask the back office for a new link code.");
        }
        return d;
    }

    public static boolean isDeviceAuth(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SyncHeaders.SCHEME, 0, SyncHeaders.SCHEME.length());
    }

    private static Refusal failed() {
        return Refusal.unauthenticated("device_auth_failed", "Device authentication failed: send X-Pos-Id and Authorization: Device <secret> from linking.");
    }
}
