package dev.tillsync.server.report;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.ingest.ReviewReasons;
import dev.tillsync.server.ingest.SyncStatusLedger;
import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** "POS Offline Sync Status": per device, each received transaction and a summary. */
public final class SyncStatusReport {
    private static final Set<String> OUTCOMES = Set.of("accepted", "rejected");
    /** A pos_offline_sync_status row, column for column (review_reasons through {@link ReviewReasons}). */
    private static final RowMapper<Entry> ENTRY = ConstructorMapper.of(Entry.class);

    private final Jdbi jdbi;
    private final DeviceRegistry devices;
    private final SyncStatusLedger ledger = new SyncStatusLedger();
    private final ReviewReasons reasons = new ReviewReasons();

    public SyncStatusReport(Jdbi jdbi, DeviceRegistry devices) {
        this.jdbi = jdbi;
        this.devices = devices;
    }

    public record Entry(String uuid, long seq, String kind, String number, String outcome, String code, String reason,
                        boolean review, List<String> reviewReasons, Instant receivedAt, String via,
                        String reviewedBy, Instant reviewedAt, int duplicateCount, Instant lastDuplicateAt) {}

    public record Summary(String posId, ConnectionStatus connectionStatus, Instant lastSync, long accepted, long rejected,
                          long flagged, long flaggedUnreviewed, long lastSeq, long duplicates) {}

    public record Report(Summary summary, List<Entry> rows) {}

    public Report forDevice(String posId, String outcome) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw Refusal.invalid("invalid_outcome", "outcome must be accepted or rejected.");
        }
        return jdbi.withHandle(h -> {
            DeviceRecord d = devices.require(h, posId);
            var view = devices.view(h, d.id());
            Summary s = h.createQuery("""
                            select count(*) filter (where outcome = 'accepted'), count(*) filter (where outcome = 'rejected'),
                                   count(*) filter (where review), count(*) filter (where review and reviewed_at is null),
                                   coalesce(max(seq), 0), coalesce(sum(duplicate_count), 0)
                            from pos_offline_sync_status where device_id = :d
                            """).bind("d", d.id())
                    .map((rs, c) -> new Summary(posId, view.connectionStatus(), view.lastSync(), rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                    .one();
            List<Entry> rows = h.createQuery("""
                            select * from pos_offline_sync_status where device_id = :d
                            and (cast(:o as text) is null or outcome = :o) order by seq
                            """).bind("d", d.id()).bind("o", outcome)
                    .registerColumnMapper(ReviewReasons.TYPE, reasons).map(ENTRY)
                    .list();
            return new Report(s, rows);
        });
    }

    /** Records who reviewed a flagged row and when. */
    public Entry markReviewed(String uuid, String reviewer) {
        int n = jdbi.withHandle(h -> ledger.markReviewed(h, uuid, reviewer));
        if (n == 0) throw Refusal.notFound("No flagged transaction with UUID " + uuid + ".");
        return jdbi.withHandle(h -> h.createQuery("select * from pos_offline_sync_status where uuid = :u").bind("u", uuid)
                .registerColumnMapper(ReviewReasons.TYPE, reasons).map(ENTRY)
                .one());
    }
}
