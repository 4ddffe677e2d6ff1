package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.export.Exporter;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.user.TillUsers;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Links a data folder to the back office once: redeems the one-time code, stores the secret (0600 file) and the
 * device configuration with a fresh cursor and no session in one transaction, then pulls all master data.
 * A folder already linked is refused, so a device's identity is never overwritten; an unlinked one is linked again
 * only once nothing it holds is both unsynced and unexported (invariant 4: a sale is never dropped).
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
        if (existing.isPresent()) refuseWhileUnexported(existing.get().posId());
        if (code == null || code.isBlank()) throw new TerminalException("bad_link_code", "Give the link code with --code.");
        ServerClient anonymous = clients.anonymous(serverUrl);
        LinkResponse resp = anonymous.link(new LinkRequest(code.trim(), deviceLabel == null ? "tillsync terminal" : deviceLabel));
        if (resp.config() == null || resp.deviceSecret() == null || resp.config().invoiceSeries() == null) {
            throw new TerminalException("server_garbage", "The server's link answer is incomplete (no secret or configuration).");
        }
        devices.writeSecret(resp.deviceSecret());
        Instant now = clock.instant();
        store.useTx(h -> {
            existing.filter(d -> !d.posId().equals(resp.posId())).ifPresent(d -> leaveOldIdentity(h, d.posId(), resp.posId(), now));
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

    /**
     * In the link's transaction, when the folder was another device: what that device left here (its exported, unsynced
     * rows, its open shift, its sales pending against the server's stock) is closed off so nothing of it is ever sent or
     * counted under the new identity.
     */
    private static void leaveOldIdentity(Handle h, String oldPosId, String newPosId, Instant now) {
        int rows = Outbox.failAsOtherDevice(h, oldPosId, newPosId, Exporter.lastExportFile(h).orElse("an export file"), now);
        if (rows > 0) EventLog.append(h, now, "other_device_rows", oldPosId, "rows=" + rows + " now " + newPosId);
        ShiftBook.endForOtherDevice(h, oldPosId, now);
        SaleRecorder.settleAllPendingStock(h);
    }

    /**
     * An unlinked folder's unsynced rows belong to the device it was (its POS ID and numbering series): linking it as
     * another device would strand them, so it waits until an export file holds them (checked before the code is
     * redeemed, so a refused attempt does not use the code up).
     */
    private void refuseWhileUnexported(String posId) {
        long stranded = store.read(Exporter::notSyncedNorExported);
        if (stranded == 0) return;
        throw new TerminalException("unexported_transactions", "This folder still holds " + stranded + " transactions of " + posId
                + " that never reached the server and are in no export file; linking it again would strand them. Export them "
                + "first: terminal login --user EMAIL --pin PIN (a user with can_export_log), then terminal export --out FILE, "
                + "and have the back office import FILE (bin/pos server admin import FILE). Then link again: the code is still valid.");
    }
}
