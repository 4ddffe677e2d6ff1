package dev.tillsync.terminal.sync;

import dev.tillsync.terminal.TerminalOptions;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import java.util.Optional;

/**
 * Makes the HTTP clients of this device with the engine's timeouts: one place knows which calls carry the secret, and
 * every client of a linked device trusts only the certificate it pinned.
 */
public final class ServerClients {
    private final DeviceRepo devices;
    private final TerminalOptions options;

    public ServerClients(DeviceRepo devices, TerminalOptions options) {
        this.devices = devices;
        this.options = options;
    }

    /** The device's authenticated client (push, pull, import, unlink). */
    public ServerClient forDevice(DeviceState d) {
        return new ServerClient(d.serverUrl(), d.posId(), devices.readSecret(), options.requestTimeout(), options.probeTimeout(), options.clock(), d.pin());
    }

    /** A client for the health probe only (no secret read), when the folder holds a device. */
    public Optional<ServerClient> forProbe() {
        return devices.load().map(d -> new ServerClient(d.serverUrl(), d.posId(), null, options.requestTimeout(), options.probeTimeout(), options.clock(), d.pin()));
    }

    /** A client before linking: the link call is the only one made without a device. */
    public ServerClient anonymous(String serverUrl) {
        return anonymous(serverUrl, null);
    }

    /** Before linking, trusting only the certificate {@code pin} (null: the usual checks). */
    public ServerClient anonymous(String serverUrl, dev.tillsync.core.tls.CertificateFingerprint pin) {
        return new ServerClient(serverUrl, null, null, options.requestTimeout(), options.probeTimeout(), options.clock(), pin);
    }
}
