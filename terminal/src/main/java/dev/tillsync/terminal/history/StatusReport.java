package dev.tillsync.terminal.history;

import dev.tillsync.core.master.ProfileData;
import dev.tillsync.terminal.DeviceInfo;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalStatus;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.user.TillUsers;
import java.util.Map;
import java.util.Optional;

/** What {@code terminal status} and the settings screen show, read from the local store only in one read (no network). */
public final class StatusReport {
    private final TerminalStore store;

    public StatusReport(TerminalStore store) {
        this.store = store;
    }

    /** POS ID, link status, connectivity and since when, queue counts, last sync and error, user and shift. */
    public TerminalStatus status() {
        return store.read(h -> {
            Optional<DeviceState> d = DeviceRepo.load(h);
            Map<SyncStatus, Long> counts = Outbox.counts(h);
            long failed = counts.get(SyncStatus.FAILED);
            SyncStateRepo.State s = SyncStateRepo.load(h);
            String profile = d.isEmpty() ? null : ProfileRepo.current(h, d.get()).map(ProfileData::name).orElse(null);
            String user = TillUsers.loggedIn(h).orElse(null);
            return new TerminalStatus(d.map(DeviceState::posId).orElse(null), d.map(DeviceState::serverUrl).orElse(null),
                    d.map(x -> x.connectionStatus().label()).orElse("Not linked"), s.online(), s.onlineSince(),
                    counts.get(SyncStatus.PENDING), counts.get(SyncStatus.SYNCING), counts.get(SyncStatus.FAILED),
                    counts.get(SyncStatus.SYNCED), s.lastSyncAt(), lastError(h, s, failed), lastErrorAt(h, s, failed), user,
                    ShiftBook.current(h).orElse(null), profile, SyncStateRepo.clockOffset(h).orElse(null),
                    SyncStateRepo.pricesAsOf(h).orElse(null));
        });
    }

    /**
     * The last sync error; while any row is Failed and the last sync itself went through, the oldest Failed row's
     * refusal: money taken and not on the server is an error until someone acts on it.
     */
    private static String lastError(org.jdbi.v3.core.Handle h, SyncStateRepo.State s, long failed) {
        if (s.lastError() != null || failed == 0) return s.lastError();
        return Outbox.firstFailed(h).map(r -> failed + (failed == 1 ? " transaction" : " transactions") + " Failed, the first "
                + r.ref() + " [" + r.reasonCode() + "]: " + r.reason() + " See terminal history --status failed; terminal retry UUID sends one again.")
                .orElse(null);
    }

    private static java.time.Instant lastErrorAt(org.jdbi.v3.core.Handle h, SyncStateRepo.State s, long failed) {
        if (s.lastError() != null || failed == 0) return s.lastErrorAt();
        return h.createQuery("select max(updated_at) from outbox where status = 'Failed'").mapTo(String.class).findOne()
                .map(java.time.Instant::parse).orElse(null);
    }

    /** The status figures with the device's series, profile and printer target. */
    public DeviceInfo deviceInfo() {
        TerminalStatus s = status();
        Optional<DeviceState> d = store.read(DeviceRepo::load);
        return new DeviceInfo(s.posId(), s.serverUrl(), d.map(x -> x.config().invoiceSeries()).orElse(null),
                d.map(x -> x.config().customerSeries()).orElse(null), d.map(x -> x.config().posProfile()).orElse(null),
                s.linkStatus(), d.map(DeviceState::printerTarget).orElse(null), s.lastSync(),
                s.pending(), s.syncing(), s.failed(), s.synced());
    }
}
