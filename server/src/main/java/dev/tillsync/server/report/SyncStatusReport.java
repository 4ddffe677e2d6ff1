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
    static final RowMapper<Collision> COLLISION = ConstructorMapper.of(Collision.class);

    private final Jdbi jdbi;
    private final DeviceRegistry devices;
    private final SyncStatusLedger ledger = new SyncStatusLedger();
    private final ReviewReasons reasons = new ReviewReasons();

    public SyncStatusReport(Jdbi jdbi, DeviceRegistry devices) {
        this.jdbi = jdbi;
        this.devices = devices;
    }

    /** @param printedNumber for an invoice the till renumbered, the number printed on the customer's receipt */
    public record Entry(String uuid, long seq, String kind, String number, String outcome, String code, String reason,
                        boolean review, List<String> reviewReasons, Instant receivedAt, String via,
                        String reviewedBy, Instant reviewedAt, int duplicateCount, Instant lastDuplicateAt, String printedNumber) {}

    /**
     * A row refused because another row held its sequence (or UUID): it has no record of its own in the ledger (its
     * keys were taken), so it is listed here with the version received and the row it collided with, until reviewed.
     *
     * @param payload        the version received, as JSON
     * @param existingUuid   the row the server already held under that sequence (or UUID), in {@link Report#rows()}
     * @param times          how often it was received so
     * @param resentSeq      where the till sent the same row again (same UUID, new sequence) once it had moved its
     *                       counters on; null until then
     * @param resentNumber   the number that resend was recorded under (a renumbered invoice's new number)
     * @param resentOutcome  that resend's outcome
     */
    public record Collision(String uuid, long seq, String kind, String number, String code, String reason, String payload,
                            String existingUuid, String existingNumber, Instant receivedAt, int times, Long resentSeq,
                            String resentNumber, String resentOutcome, String reviewedBy, Instant reviewedAt) {}

    /** @param collisions rows refused for a taken sequence or UUID, still unreviewed (also counted in {@code rejected}) */
    public record Summary(String posId, ConnectionStatus connectionStatus, Instant lastSync, long accepted, long rejected,
                          long flagged, long flaggedUnreviewed, long lastSeq, long duplicates, long collisions) {}

    public record Report(Summary summary, List<Entry> rows, List<Collision> collisions) {}

    /** A device's collisions (bind :d), each with where its resend (same uuid, another sequence) went, if it came. */
    static final String COLLISIONS = """
            select c.uuid, c.seq, c.kind, c.number, c.code, c.reason, c.payload, c.existing_uuid, c.existing_number, c.received_at,
                   c.times, r.seq as resent_seq, r.number as resent_number, r.outcome as resent_outcome, c.reviewed_by, c.reviewed_at
            from pos_offline_collision c left join pos_offline_sync_status r
                on c.code = 'seq_conflict' and r.uuid = c.uuid and r.seq <> c.seq and r.device_id = c.device_id
            where c.device_id = :d
            """;

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
                                   coalesce(max(seq), 0), coalesce(sum(duplicate_count), 0),
                            (select count(*) from pos_offline_collision where device_id = :d and reviewed_at is null)
                            from pos_offline_sync_status where device_id = :d
                            """).bind("d", d.id())
                    .map((rs, c) -> new Summary(posId, view.connectionStatus(), view.lastSync(), rs.getLong(1), rs.getLong(2) + rs.getLong(7),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                    .one();
            List<Entry> rows = h.createQuery("""
                            select * from pos_offline_sync_status where device_id = :d
                            and (cast(:o as text) is null or outcome = :o) order by seq
                            """).bind("d", d.id()).bind("o", outcome)
                    .registerColumnMapper(ReviewReasons.TYPE, reasons).map(ENTRY)
                    .list();
            List<Collision> collisions = outcome != null && !outcome.equals("rejected") ? List.of()
                    : h.createQuery(COLLISIONS + " order by c.seq, c.id").bind("d", d.id()).map(COLLISION).list();
            return new Report(s, rows, collisions);
        });
    }

    /** Records who reviewed a flagged row and when. */
    public Entry markReviewed(String uuid, String reviewer) {
        int n = jdbi.withHandle(h -> ledger.markReviewed(h, uuid, reviewer));
        if (n == 0) throw Refusal.notFound("No flagged transaction with UUID " + uuid + ".");
        // A collision whose row was never sent again has no record of its own: answer with the collision's own figures.
        return jdbi.withHandle(h -> h.createQuery("select * from pos_offline_sync_status where uuid = :u").bind("u", uuid)
                .registerColumnMapper(ReviewReasons.TYPE, reasons).map(ENTRY)
                .findOne().orElseGet(() -> h.createQuery("""
                        select uuid, seq, kind, number, 'rejected' as outcome, code, reason, true as review, null as review_reasons,
                               received_at, 'push' as via, reviewed_by, reviewed_at, times - 1 as duplicate_count,
                               null::timestamptz as last_duplicate_at, null as printed_number
                        from pos_offline_collision where uuid = :u order by id limit 1
                        """).bind("u", uuid).registerColumnMapper(ReviewReasons.TYPE, reasons).map(ENTRY).one()));
    }
}
