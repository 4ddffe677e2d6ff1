package dev.tillsync.terminal.store;

import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.sync.ConnectionStatus;

/**
 * The linked device as stored: who it is, where its server is, its configuration and link status, and the server
 * certificate it pinned ({@code serverPin}, sha256:HEX, or null when it trusts the usual way or talks plain http).
 */
public record DeviceState(String posId, String serverUrl, ConnectionStatus connectionStatus, DeviceConfig config,
                          String printerTarget, String serverPin) {
    public DeviceState(String posId, String serverUrl, ConnectionStatus connectionStatus, DeviceConfig config, String printerTarget) {
        this(posId, serverUrl, connectionStatus, config, printerTarget, null);
    }

    /** The pinned certificate, or null. */
    public dev.tillsync.core.tls.CertificateFingerprint pin() {
        return serverPin == null ? null : new dev.tillsync.core.tls.CertificateFingerprint(serverPin);
    }
}
