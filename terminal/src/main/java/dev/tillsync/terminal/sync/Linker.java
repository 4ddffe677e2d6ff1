package dev.tillsync.terminal.sync;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.tls.CertificateFingerprint;
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
        return link(serverUrl, code, deviceLabel, null);
    }

    /**
     * As {@link #link(String, String, String)}; {@code fingerprint} (sha256:HEX from the link QR or the console page) pins
     * the server certificate: the code is redeemed only over a TLS connection to that certificate, and every later call
     * trusts it alone. Over https without one the certificate must pass the usual checks (public CA, host name) and
     * nothing is pinned: no trust on first use, as a first contact that trusted anything would hand the code to whoever
     * answers.
     */
    public LinkResult link(String serverUrl, String code, String deviceLabel, String fingerprint) {
        Optional<DeviceState> existing = devices.load();
        if (existing.isPresent() && existing.get().connectionStatus() != ConnectionStatus.UNLINKED) {
            throw new TerminalException("already_linked", "This terminal is already linked as " + existing.get().posId()
                    + ". Use another data folder to link another device.");
        }
        if (existing.isPresent()) refuseWhileUnexported(existing.get().posId());
        if (code == null || code.isBlank()) throw new TerminalException("bad_link_code", "Give the link code with --code.");
        CertificateFingerprint pin = pinFor(serverUrl, fingerprint);
        ServerClient anonymous = clients.anonymous(serverUrl, pin);
        LinkResponse resp;
        try {
            resp = anonymous.link(new LinkRequest(code.trim(), deviceLabel == null ? "tillsync terminal" : deviceLabel));
        } catch (ServerException e) {
            if (!"server_certificate_changed".equals(e.code())) throw e;
            // at link there is nothing "changed": the server simply is not the one the code was issued with
            String seen = "another certificate";
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof dev.tillsync.terminal.tls.PinnedTrustManager.CertificateChangedException c) seen = c.seen().value();
            }
            throw new TerminalException("fingerprint_mismatch", "Not linked: the server at " + serverUrl.trim() + " presents " + seen
                    + ", not the fingerprint given (" + pin + "); the link code was not sent and is still valid. Check the fingerprint "
                    + "on the console's link-code page (and the URL): if they are right, someone may be posing as the server.", e);
        }
        if (resp.config() == null || resp.deviceSecret() == null || resp.config().invoiceSeries() == null) {
            throw new TerminalException("server_garbage", "The server's link answer is incomplete (no secret or configuration).");
        }
        devices.writeSecret(resp.deviceSecret());
        Instant now = clock.instant();
        store.useTx(h -> {
            existing.filter(d -> !d.posId().equals(resp.posId())).ifPresent(d -> leaveOldIdentity(h, d.posId(), resp.posId(), now));
            DeviceRepo.insert(h, serverUrl.trim(), resp.config(), now, pin == null ? null : pin.value());
            SyncStateRepo.setCursor(h, "");
            TillUsers.endSession(h);
            EventLog.append(h, now, "linked", resp.posId(), serverUrl + (pin == null ? "" : " pinned " + pin));
        });
        monitor.observe(true, "linked", anonymous.measuredOffset());
        try {
            return new LinkResult(resp.posId(), engine.firstPull(), null);
        } catch (TerminalException e) {
            return new LinkResult(resp.posId(), 0, e.getMessage());
        }
    }

    private static CertificateFingerprint pinFor(String serverUrl, String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) return null;
        CertificateFingerprint pin = CertificateFingerprint.parse(fingerprint).orElseThrow(() -> new TerminalException("bad_fingerprint",
                "'" + fingerprint + "' is not a certificate fingerprint. Give it as the console's link-code page shows it: sha256: and 64 hex digits."));
        if (!ServerClient.apiBase(serverUrl).getScheme().equals("https")) {
            throw new TerminalException("fingerprint_needs_https", "A certificate fingerprint pins an https server, but " + serverUrl.trim()
                    + " is plain http. Give the server's https:// URL (the console's link-code page shows it).");
        }
        return pin;
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
