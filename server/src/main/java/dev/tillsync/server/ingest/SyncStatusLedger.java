package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The one writer of pos_offline_sync_status (and of its companions pos_offline_high_water, each device's highest
 * numbers received, and pos_offline_collision, the rows refused because their keys were taken), the record that
 * makes a pushed row's effect exactly-once (invariant 3): its unique uuid and unique (device, seq) decide which transaction applies a row, and what it
 * recorded is what every resend is answered with. Every statement runs in the caller's transaction; the batch
 * statements are bound by hand from column buffers ({@link Claims}, {@link Outcomes}), one round trip each,
 * because this is the catch-up's hot path.
 */
public final class SyncStatusLedger {
    /** Stateless and thread-safe (an ObjectMapper), shared by the batch buffers. */
    private static final ReviewReasons REASONS = new ReviewReasons();

    /** The columns of a batch's claims, in the batch's order. */
    static final class Claims {
        private final List<String> uuids, kinds, numbers, hashes;
        private final List<Long> seqs;

        private Claims(int rows) {
            uuids = new ArrayList<>(rows);
            kinds = new ArrayList<>(rows);
            numbers = new ArrayList<>(rows);
            hashes = new ArrayList<>(rows);
            seqs = new ArrayList<>(rows);
        }

        void add(SyncRow row, String number, String fingerprint) {
            uuids.add(row.uuid());
            seqs.add(row.seq());
            kinds.add(row.kind().wire());
            numbers.add(number);
            hashes.add(fingerprint);
        }
    }

    /** The columns of the accepted rows whose record is not already right as their claim wrote it. */
    final class Outcomes {
        private final List<String> uuids = new ArrayList<>(), numbers = new ArrayList<>(), reasons = new ArrayList<>();
        private final List<Boolean> reviews = new ArrayList<>();

        private Outcomes() {}

        private final List<String> printed = new ArrayList<>();

        void add(String uuid, String number, String printedNumber, List<String> reviewReasons) {
            boolean review = !reviewReasons.isEmpty();
            uuids.add(uuid);
            numbers.add(number);
            printed.add(printedNumber);
            reviews.add(review);
            reasons.add(review ? REASONS.write(reviewReasons) : null);
        }
    }

    Claims claims(int rows) {
        return new Claims(rows);
    }

    Outcomes outcomes() {
        return new Outcomes();
    }

    /**
     * Claims the batch's rows in one statement, inserted in batch order (so two copies of a batch wait on each
     * other row by row and cannot deadlock), each written with outcome accepted, the outcome nearly every row of
     * a catch-up ends with; returns the uuids this transaction now owns. No other transaction sees a claim
     * before the batch commits.
     */
    Set<String> claim(Handle h, long deviceId, String via, Claims c) {
        if (c.uuids.isEmpty()) return Set.of();
        return new HashSet<>(h.createQuery("""
                        insert into pos_offline_sync_status (device_id, uuid, seq, kind, number, payload_hash, outcome, via)
                        select :d, t.uuid, t.seq, t.kind, t.number, t.hash, 'accepted', :via
                        from unnest(:uuids, :seqs, :kinds, :numbers, :hashes) with ordinality as t(uuid, seq, kind, number, hash, n)
                        order by t.n
                        on conflict do nothing
                        returning uuid
                        """)
                .bind("d", deviceId).bind("via", via)
                .bindArray("uuids", String.class, c.uuids).bindArray("seqs", Long.class, c.seqs).bindArray("kinds", String.class, c.kinds)
                .bindArray("numbers", String.class, c.numbers).bindArray("hashes", String.class, c.hashes)
                .mapTo(String.class).list());
    }

    /**
     * True when this exact row (same device, sequence and content) was received before and rejected: its record
     * is then locked for this transaction, so a concurrent resend waits and afterwards sees the new outcome.
     */
    boolean lockRejectedClaim(Handle h, long deviceId, SyncRow row, String fingerprint) {
        return h.createQuery("""
                        select outcome from pos_offline_sync_status
                        where uuid = :u and device_id = :d and seq = :s and payload_hash = :hash
                        for update
                        """)
                .bind("u", row.uuid()).bind("d", deviceId).bind("s", row.seq()).bind("hash", fingerprint)
                .mapTo(String.class).findOne().map("rejected"::equals).orElse(false);
    }

    /** A locked rejected row is judged again: its old reason no longer stands. */
    void clearRejection(Handle h, String uuid) {
        h.createUpdate("update pos_offline_sync_status set code = null, reason = null where uuid = :uuid")
                .bind("uuid", uuid).execute();
    }

    /**
     * The answer to a row another transaction claimed first: {@code duplicate} with what was recorded for it, or
     * a rejection when its uuid or its sequence number was used for a different row.
     */
    RowResult alreadySeen(Handle h, DeviceRecord device, SyncRow row, String fingerprint, String number) {
        record Seen(long deviceId, long seq, String hash, String outcome, String code, String reason, boolean review, String reasons,
                    String number) {}
        Optional<Seen> byUuid = h.createQuery("""
                        select device_id, seq, payload_hash, outcome, code, reason, review, review_reasons, number
                        from pos_offline_sync_status where uuid = :u
                        """).bind("u", row.uuid())
                .map((rs, c) -> new Seen(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
                .findOne();
        if (byUuid.isPresent()) {
            Seen s = byUuid.get();
            if (s.deviceId() != device.id() || s.seq() != row.seq() || !s.hash().equals(fingerprint)) {
                RowResult r = RowResult.rejected(row.uuid(), row.seq(), "uuid_conflict", "UUID " + row.uuid()
                        + " was already used for a different row (another sequence number, device or content); the server kept the first one.");
                recordCollision(h, device.id(), row, number, row.uuid(), s.number(), r);
                return r;
            }
            RowOutcome original = RowOutcome.fromWire(s.outcome());
            String message = s.reason();
            if (original == RowOutcome.ACCEPTED && s.review()) {
                message = "accepted, flagged for review: " + String.join("; ", REASONS.parse(s.reasons()));
            }
            return new RowResult(row.uuid(), row.seq(), RowOutcome.DUPLICATE, original, s.code(), message, s.review());
        }
        record Holder(String uuid, String number) {}
        Holder other = h.createQuery("select uuid, number from pos_offline_sync_status where device_id = :d and seq = :s")
                .bind("d", device.id()).bind("s", row.seq()).map((rs, c) -> new Holder(rs.getString(1), rs.getString(2)))
                .findOne().orElse(new Holder(null, null));
        RowResult r = RowResult.rejected(row.uuid(), row.seq(), "seq_conflict", "Sequence " + row.seq() + " of " + device.posId()
                + " was already received as row " + (other.uuid() == null ? "?" : other.uuid())
                + "; a device's sequence numbers must not be reused. The server kept both versions for review; a till that"
                + " was restored from an older copy of its data moves its counters on and sends this row again under a new sequence.");
        recordCollision(h, device.id(), row, number, other.uuid(), other.number(), r);
        return r;
    }

    /**
     * Keeps a row refused because another row holds its sequence or UUID, with the version received, for review
     * (the row it collided with is in this ledger). Its keys are taken here, so it has no record of its own; the
     * same collision received again is counted, not kept twice.
     */
    private static void recordCollision(Handle h, long deviceId, SyncRow row, String number, String existingUuid,
                                        String existingNumber, RowResult refusal) {
        h.createUpdate("""
                        insert into pos_offline_collision (device_id, uuid, seq, kind, number, payload, existing_uuid, existing_number, code, reason)
                        values (:d, :u, :s, :k, :n, :p, :eu, :en, :code, :reason)
                        on conflict (uuid, seq) do update set times = pos_offline_collision.times + 1
                        """)
                .bind("d", deviceId).bind("u", row.uuid()).bind("s", row.seq()).bind("k", row.kind().wire()).bind("n", number)
                .bind("p", String.valueOf(row.payload())).bind("eu", existingUuid).bind("en", existingNumber)
                .bind("code", refusal.code()).bind("reason", refusal.message())
                .execute();
    }

    /**
     * Raises the device's high-water marks to what this batch claimed (one statement for the batch) and returns them.
     *
     * @param seq            the highest sequence this batch claimed, 0 when none
     * @param invoiceCounter the highest invoice counter of the device's series this batch claimed, 0 when none
     */
    HighWater raiseHighWater(Handle h, DeviceRecord device, long seq, long invoiceCounter) {
        return h.createQuery("""
                        insert into pos_offline_high_water as w (device_id, seq, invoice_counter) values (:d, :s, :i)
                        on conflict (device_id) do update
                        set seq = greatest(w.seq, excluded.seq), invoice_counter = greatest(w.invoice_counter, excluded.invoice_counter)
                        returning seq, invoice_counter
                        """)
                .bind("d", device.id()).bind("s", seq).bind("i", invoiceCounter)
                .map((rs, c) -> highWater(device, rs.getLong(1), rs.getLong(2))).one();
    }

    /** The device's high-water marks as last raised (zero and none for a device that never sent a row). */
    public HighWater highWater(Handle h, DeviceRecord device) {
        return h.createQuery("select seq, invoice_counter from pos_offline_high_water where device_id = :d")
                .bind("d", device.id()).map((rs, c) -> highWater(device, rs.getLong(1), rs.getLong(2)))
                .findOne().orElse(new HighWater(0, null));
    }

    private static HighWater highWater(DeviceRecord device, long seq, long invoiceCounter) {
        return new HighWater(seq, invoiceCounter > 0 ? NumberingSeries.invoices(device.invoiceSeries()).format(invoiceCounter) : null);
    }

    /** Records a row this transaction owns as rejected; returns the row's answer. */
    RowResult reject(Handle h, SyncRow row, Rejection r) {
        h.createUpdate("update pos_offline_sync_status set outcome = 'rejected', code = :code, reason = :reason where uuid = :uuid")
                .bind("code", r.code()).bind("reason", r.getMessage()).bind("uuid", row.uuid()).execute();
        return RowResult.rejected(row.uuid(), row.seq(), r.code(), r.getMessage());
    }

    /** Counts the resends answered duplicate on their records (one round trip for the batch). */
    void countDuplicates(Handle h, List<String> uuids) {
        if (uuids.isEmpty()) return;
        PreparedBatch b = h.prepareBatch("""
                update pos_offline_sync_status set duplicate_count = duplicate_count + 1, last_duplicate_at = now() where uuid = :u
                """);
        for (String u : uuids) b.bind("u", u).add();
        b.execute();
    }

    /** Records the accepted rows' outcomes, numbers and review flags with one statement. */
    void recordAccepted(Handle h, Outcomes o) {
        if (o.uuids.isEmpty()) return;
        h.createUpdate("""
                        update pos_offline_sync_status s
                        set outcome = 'accepted', number = coalesce(t.number, s.number), review = t.review, review_reasons = t.reasons,
                            printed_number = t.printed
                        from unnest(:uuids, :numbers, :reviews, :reasons, :printed) as t(uuid, number, review, reasons, printed)
                        where s.uuid = t.uuid
                        """)
                .bindArray("uuids", String.class, o.uuids).bindArray("numbers", String.class, o.numbers)
                .bindArray("printed", String.class, o.printed)
                .bindArray("reviews", Boolean.class, o.reviews).bindArray("reasons", String.class, o.reasons)
                .execute();
    }

    /**
     * Records who reviewed a flagged row (or a collision kept under its uuid) and when; returns how many records that
     * was (0: no flagged row or collision has the uuid).
     */
    public int markReviewed(Handle h, String uuid, String reviewer) {
        return h.createUpdate("""
                update pos_offline_sync_status set reviewed_by = :who, reviewed_at = now() where uuid = :u and review
                """).bind("who", reviewer).bind("u", uuid).execute()
                + h.createUpdate("""
                update pos_offline_collision set reviewed_by = :who, reviewed_at = now() where uuid = :u and reviewed_at is null
                """).bind("who", reviewer).bind("u", uuid).execute();
    }

}
