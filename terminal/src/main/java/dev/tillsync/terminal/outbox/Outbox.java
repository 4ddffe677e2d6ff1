package dev.tillsync.terminal.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.Counters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox. Invariants: every row gets a random UUID and the next gap-free device sequence in the
 * transaction that records its effect (invariant 2); a row is Synced or Failed only on the server's own answer
 * for it (invariant 3), and Syncing only while a request carrying it may be in flight; Failed rows keep their
 * reason and never block later rows (invariant 4).
 */
public final class Outbox {
    private static final ObjectMapper JSON = dev.tillsync.core.json.Json.mapper();

    private Outbox() {}

    /** Appends a row inside the caller's transaction; returns it with its uuid and seq. */
    public static OutboxRow append(Handle h, RowKind kind, String ref, Object payload, Instant now) {
        return append(h, Counters.next(h, Counters.OUTBOX_SEQ), kind, ref, payload, now);
    }

    /** Appends a row whose {@code seq} the caller has just taken from {@link Counters#OUTBOX_SEQ} in this transaction. */
    public static OutboxRow append(Handle h, long seq, RowKind kind, String ref, Object payload, Instant now) {
        String uuid = UUID.randomUUID().toString();
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serialisable", e);
        }
        h.createUpdate("""
                insert into outbox (seq, uuid, kind, ref, payload, status, attempts, created_at, updated_at)
                values (:seq, :uuid, :kind, :ref, :payload, 'Pending', 0, :now, :now)
                """).bind("seq", seq).bind("uuid", uuid).bind("kind", kind.wire()).bind("ref", ref)
                .bind("payload", json).bind("now", now.toString()).execute();
        return new OutboxRow(seq, uuid, kind, ref, json, SyncStatus.PENDING, null, null, 0, now, null);
    }

    /**
     * The next batch to send, oldest first, after sequence {@code afterSeq}: rows Pending, and rows left Syncing
     * by a lost answer or a crash (the server answers those duplicate). Reads only; {@link #markSyncing} marks them.
     */
    public static List<OutboxRow> nextBatch(Handle h, long afterSeq, int max) {
        return h.createQuery(SELECT + " where status in ('Pending', 'Syncing') and seq > :after order by seq limit :max")
                .bind("after", afterSeq).bind("max", max).map(Outbox::map).list();
    }

    /**
     * Marks a batch read by {@link #nextBatch} as Syncing (sent, answer awaited), in the caller's transaction.
     * A range, not an IN list: one statement text for every batch size (a list of N values is prepared afresh per size).
     */
    public static void markSyncing(Handle h, List<OutboxRow> batch, Instant now) {
        if (batch.isEmpty()) return;
        h.createUpdate("""
                update outbox set status = 'Syncing', attempts = attempts + 1, updated_at = :now
                where status in ('Pending', 'Syncing') and seq between :first and :last
                """).bind("first", batch.get(0).seq()).bind("last", batch.get(batch.size() - 1).seq())
                .bind("now", now.toString()).execute();
    }

    /** Applies the server's per-row answers (one transaction per batch, the caller's). Returns rows changed. */
    public static int applyResults(Handle h, List<RowResult> results, Instant now) {
        PreparedBatch synced = h.prepareBatch("""
                update outbox set status = 'Synced', reason_code = null, reason = null, updated_at = :now, synced_at = :now
                where uuid = :uuid and status <> 'Synced'
                """);
        PreparedBatch failed = h.prepareBatch("""
                update outbox set status = 'Failed', reason_code = :code, reason = :msg, updated_at = :now
                where uuid = :uuid and status <> 'Synced'
                """);
        String at = now.toString();
        for (RowResult r : results) {
            if (r == null || r.uuid() == null) continue;
            if (r.isSynced()) {
                synced.bind("uuid", r.uuid()).bind("now", at).add();
            } else {
                String code = r.code() == null ? "rejected" : r.code();
                String message = r.message() == null ? "The server refused this transaction without a reason." : r.message();
                failed.bind("uuid", r.uuid()).bind("code", code).bind("msg", message).bind("now", at).add();
            }
        }
        int changed = 0;
        if (synced.size() > 0) changed += IntStream.of(synced.execute()).sum();
        if (failed.size() > 0) changed += IntStream.of(failed.execute()).sum();
        return changed;
    }

    /** Failed rows refused with one of {@code codes}, oldest first. */
    public static List<OutboxRow> failedWith(Handle h, List<String> codes) {
        return h.createQuery(SELECT + " where status = 'Failed' and reason_code in (<codes>) order by seq")
                .bindList("codes", codes).map(Outbox::map).list();
    }

    /** The oldest Failed row, if any. */
    public static java.util.Optional<OutboxRow> firstFailed(Handle h) {
        return h.createQuery(SELECT + " where status = 'Failed' order by seq limit 1").map(Outbox::map).findOne();
    }

    /** The status of the row with {@code uuid}, if there is one. */
    public static java.util.Optional<SyncStatus> statusOf(Handle h, String uuid) {
        return h.createQuery("select status from outbox where uuid = :u").bind("u", uuid).mapTo(String.class).findOne()
                .map(SyncStatus::fromLabel);
    }

    /**
     * Queues a Failed row the server never applied again under a new sequence {@code newSeq} (above every sequence the
     * device has used, here or on the server), with {@code uuid} and {@code payload} (its own, or a renumbered copy):
     * Pending, its refusal cleared. The sale it records moves with it, so the local invoice keeps pointing at its row.
     * In the caller's transaction, which must have deferred foreign keys (the row and its invoice move one after the other).
     */
    public static void requeue(Handle h, long oldSeq, long newSeq, String uuid, String payload, Instant now) {
        h.createUpdate("""
                update outbox set seq = :new, uuid = :uuid, payload = :payload, status = 'Pending', reason_code = null, reason = null,
                    updated_at = :now
                where seq = :old and status = 'Failed'
                """).bind("new", newSeq).bind("old", oldSeq).bind("uuid", uuid).bind("payload", payload).bind("now", now.toString())
                .execute();
        h.createUpdate("update invoice set outbox_seq = :new where outbox_seq = :old").bind("new", newSeq).bind("old", oldSeq).execute();
    }

    /**
     * Returns every Syncing row to Pending, in the caller's transaction: the one that records a failed sync, or the
     * start of a sync, when (under the sync lock) no request can be in flight. One statement over the status index.
     */
    public static int returnSyncingToPending(Handle h, Instant now) {
        return h.createUpdate("update outbox set status = 'Pending', updated_at = :now where status = 'Syncing'")
                .bind("now", now.toString()).execute();
    }

    /**
     * When a folder is linked as another device: the rows still unsynced belong to the device it was (their numbers are
     * in that device's series) and were exported before linking was allowed; they become Failed with a reason that
     * says so, so they are never pushed under the new identity and stay visible in Sales History.
     */
    public static int failAsOtherDevice(Handle h, String oldPosId, String newPosId, String exportFile, Instant now) {
        String reason = "Recorded as " + oldPosId + ", not as " + newPosId + " (this folder was linked again as " + newPosId
                + "), so it is not pushed from here. It was exported to " + exportFile + "; the back office imports that file "
                + "(bin/pos server admin import FILE, or the console's Upload page).";
        return h.createUpdate("""
                update outbox set status = 'Failed', reason_code = 'other_device', reason = :reason, updated_at = :now
                where status <> 'Synced'
                """).bind("reason", reason).bind("now", now.toString()).execute();
    }

    /** Sets one Failed row back to Pending; refuses rows that are not Failed. */
    public static int retry(Handle h, String uuid, Instant now) {
        String status = h.createQuery("select status from outbox where uuid = :u").bind("u", uuid).mapTo(String.class).findOne()
                .orElseThrow(() -> new TerminalException("unknown_row", "No transaction with id " + uuid + " on this terminal."));
        if (!"Failed".equals(status)) {
            throw new TerminalException("not_failed", "Transaction " + uuid + " is " + status + ", not Failed: nothing to retry.");
        }
        return h.createUpdate("update outbox set status = 'Pending', updated_at = :now where uuid = :u and status = 'Failed'")
                .bind("u", uuid).bind("now", now.toString()).execute();
    }

    public static int retryAllFailed(Handle h, Instant now) {
        return h.createUpdate("update outbox set status = 'Pending', updated_at = :now where status = 'Failed'")
                .bind("now", now.toString()).execute();
    }

    public static Map<SyncStatus, Long> counts(Handle h) {
        Map<SyncStatus, Long> m = new java.util.EnumMap<>(SyncStatus.class);
        for (SyncStatus s : SyncStatus.values()) m.put(s, 0L);
        h.createQuery("select status, count(*) as n from outbox group by status")
                .map((rs, ctx) -> Map.entry(SyncStatus.fromLabel(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    public static long unsentCount(Handle h) {
        return h.createQuery("select count(*) from outbox where status in ('Pending', 'Syncing')").mapTo(Long.class).one();
    }

    /** The highest sequence held as Synced (0 when none): what the server must hold too, unless it lost rows. */
    public static long maxSyncedSeq(Handle h) {
        return h.createQuery("select coalesce(max(seq), 0) from outbox where status = 'Synced'").mapTo(Long.class).one();
    }

    /**
     * The server lost what it had acknowledged after {@code afterSeq} (restored from a backup): every Synced row after it,
     * except {@code answered} (the batch the same answer just marked), goes back to Pending, keeping its sequence, UUID
     * and payload, so it is sent again as it was. Returns how many. In the caller's transaction.
     */
    public static int resendSyncedAfter(Handle h, long afterSeq, java.util.Collection<Long> answered, Instant now) {
        String except = answered.isEmpty() ? "" : " and seq not in (<answered>)";
        var update = h.createUpdate("update outbox set status = 'Pending', updated_at = :now where status = 'Synced' and seq > :after" + except)
                .bind("now", now.toString()).bind("after", afterSeq);
        if (!answered.isEmpty()) update.bindList("answered", List.copyOf(answered));
        return update.execute();
    }

    public static long maxSeq(Handle h) {
        return h.createQuery("select coalesce(max(seq), 0) from outbox").mapTo(Long.class).one();
    }

    public static List<OutboxRow> all(Handle h) {
        return h.createQuery(SELECT + " order by seq").map(Outbox::map).list();
    }

    public static List<OutboxRow> unsynced(Handle h) {
        return h.createQuery(SELECT + " where status <> 'Synced' order by seq").map(Outbox::map).list();
    }

    public static List<OutboxRow> fromSeq(Handle h, long seq) {
        return h.createQuery(SELECT + " where seq >= :seq order by seq").bind("seq", seq).map(Outbox::map).list();
    }

    public static List<OutboxRow> since(Handle h, Instant at) {
        return h.createQuery(SELECT + " where created_at >= :at order by seq").bind("at", at.toString()).map(Outbox::map).list();
    }

    /** The row as it travels to the server. */
    public static SyncRow toSyncRow(OutboxRow r) {
        try {
            return new SyncRow(r.uuid(), r.seq(), r.kind(), r.createdAt(), JSON.readTree(r.payload()));
        } catch (JsonProcessingException e) {
            throw unreadablePayload(r, e);
        }
    }

    /** What the terminal reports for a stored row whose payload is not a JSON object (cause may be null). */
    public static TerminalException unreadablePayload(OutboxRow r, Exception cause) {
        return new TerminalException("store_corrupt", "Outbox row " + r.seq() + " (" + r.uuid() + ") has an unreadable payload.", cause);
    }

    private static final String SELECT =
            "select seq, uuid, kind, ref, payload, status, reason_code, reason, attempts, created_at, synced_at from outbox";

    private static OutboxRow map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        String synced = rs.getString("synced_at");
        return new OutboxRow(rs.getLong("seq"), rs.getString("uuid"), RowKind.fromWire(rs.getString("kind")), rs.getString("ref"),
                rs.getString("payload"), SyncStatus.fromLabel(rs.getString("status")), rs.getString("reason_code"),
                rs.getString("reason"), rs.getInt("attempts"), Instant.parse(rs.getString("created_at")),
                synced == null ? null : Instant.parse(synced));
    }
}
