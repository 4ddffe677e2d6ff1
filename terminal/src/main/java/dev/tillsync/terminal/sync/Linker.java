package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.user.TillUsers;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Links a data folder to the back office once: redeems the one-time code, stores the secret (0600 file) and the
 * device configuration with a fresh cursor and no session in one transaction, then pulls all master data.
 * A folder already linked is refused, so a device's identity is never overwritten.
 */
public final class Linker {
    private final TerminalStore store;
    private final Clock clock;
    private final DeviceRepo devices;
    private final ServerClients clients;
    private final ConnectivityMonitor monitor;
    private final SyncEngine engine;

    public Linker(TerminalStore store, Clock clock, DeviceRepo devices, ServerClients clients, ConnectivityMonitor monitor, SyncEngine engine) {
        this.store = store;
        this.clock = clock;
        this.devices = devices;
        this.clients = clients;
        this.monitor = monitor;
        this.engine = engine;
    }

    /** Blocks on the network; a failed first pull is reported in {@link LinkResult#pullError()}, the link stands. */
    public LinkResult link(String serverUrl, String code, String deviceLabel) {
        Optional<DeviceState> existing = devices.load();
        if (existing.isPresent() && existing.get().connectionStatus() != ConnectionStatus.UNLINKED) {
            throw new TerminalException("already_linked", "This terminal is already linked as " + existing.get().posId()
                    + ". Use another data folder to link another device.");
        }
        if (code == null || code.isBlank()) throw new TerminalException("bad_link_code", "Give the link code with --code.");
        ServerClient anonymous = clients.anonymous(serverUrl);
        LinkResponse resp = anonymous.link(new LinkRequest(code.trim(), deviceLabel == null ? "tillsync terminal" : deviceLabel));
        if (resp.config() == null || resp.deviceSecret() == null || resp.config().invoiceSeries() == null) {
            throw new TerminalException("server_garbage", "The server's link answer is incomplete (no secret or configuration).");
        }
        devices.writeSecret(resp.deviceSecret());
        Instant now = clock.instant();
        store.useTx(h -> {
            DeviceRepo.insert(h, serverUrl.trim(), resp.config(), now);
            SyncStateRepo.setCursor(h, "");
            TillUsers.endSession(h);
            EventLog.append(h, now, "linked", resp.posId(), serverUrl);
        });
        monitor.observe(true, "linked", anonymous.measuredOffset());
        try {
            return new LinkResult(resp.posId(), engine.firstPull(), null);
        } catch (TerminalException e) {
            return new LinkResult(resp.posId(), 0, e.getMessage());
        }
    }
}
