package dev.tillsync.server.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.server.json.ServerJson;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest path for pushed and imported rows (invariant 3: exactly-once effect).
 *
 * <p>Each row is one PostgreSQL transaction that first claims the row with
 * {@code INSERT ... ON CONFLICT DO NOTHING} on pos_offline_sync_status (unique uuid, unique device+seq),
 * then applies it under a savepoint and records the outcome. When two servers get the same row at once,
 * the second insert waits for the first transaction and then finds the conflict, so exactly one applies it
 * and the other answers {@code duplicate} with the recorded outcome.
 *
 * <p>A row that was rejected had no effect, so when the device sends it again (the cashier pressed retry,
 * perhaps after the missing item was added on the server) it is evaluated afresh under a row lock on its
 * claim; an accepted row is never applied twice.
 */
public final class RowIngestor {
    private static final Logger log = LoggerFactory.getLogger(RowIngestor.class);
    private static final int MAX_UUID = 64;

    private final Jdbi jdbi;
    private final Map<RowKind, RowApplier> appliers = new EnumMap<>(RowKind.class);
    private final ObjectMapper json = ServerJson.mapper();

    public RowIngestor(Jdbi jdbi, Catalog catalog, ChangeFeed feed) {
        this.jdbi = jdbi;
        appliers.put(RowKind.INVOICE, new InvoiceApplier(catalog, feed));
        appliers.put(RowKind.CUSTOMER, new CustomerApplier(catalog));
        appliers.put(RowKind.SHIFT_OPEN, new ShiftOpenApplier(catalog));
        appliers.put(RowKind.SHIFT_CLOSE, new ShiftCloseApplier());
        appliers.put(RowKind.STOCK_MOVEMENT, new StockMovementApplier(catalog, feed));
    }

    public RowResult ingest(DeviceRecord device, SyncRow row, String batchProfileKey, String via) {
        if (row == null || row.uuid() == null || row.uuid().isBlank() || row.uuid().length() > MAX_UUID) {
            return RowResult.rejected(row == null ? null : row.uuid(), row == null ? 0 : row.seq(), "invalid_row",
                    "Each row needs a uuid (at most " + MAX_UUID + " characters).");
        }
        if (row.seq() < 1 || row.kind() == null) {
            return RowResult.rejected(row.uuid(), row.seq(), "invalid_row", "Each row needs a kind and a sequence number of 1 or more.");
        }
        RowApplier applier = appliers.get(row.kind());
        String fingerprint = Payloads.fingerprint(row);
        try {
            return jdbi.inTransaction(h -> {
                int claimed = h.createUpdate("""
                        insert into pos_offline_sync_status (device_id, uuid, seq, kind, number, payload_hash, outcome, via)
                        values (:d, :uuid, :seq, :kind, :number, :hash, 'pending', :via)
                        on conflict do nothing
                        """)
                        .bind("d", device.id()).bind("uuid", row.uuid()).bind("seq", row.seq()).bind("kind", row.kind().wire())
                        .bind("number", safeNumber(applier, row)).bind("hash", fingerprint).bind("via", via).execute();
                if (claimed == 0) {
                    if (!lockRejectedClaim(h, device, row, fingerprint)) {
                        return alreadySeen(h, device, row, fingerprint);
                    }
                    h.createUpdate("update pos_offline_sync_status set code = null, reason = null where uuid = :uuid")
                            .bind("uuid", row.uuid()).execute();
                }
                h.savepoint("apply");
                try {
                    Applied a = applier.apply(h, device, row, batchProfileKey);
                    h.createUpdate("""
                            update pos_offline_sync_status set outcome = 'accepted', number = coalesce(:number, number),
                                review = :review, review_reasons = :reasons where uuid = :uuid
                            """)
                            .bind("number", a.number()).bind("review", !a.reviewReasons().isEmpty())
                            .bind("reasons", a.reviewReasons().isEmpty() ? null : writeReasons(a.reviewReasons()))
                            .bind("uuid", row.uuid()).execute();
                    return RowResult.accepted(row.uuid(), row.seq(), !a.reviewReasons().isEmpty(),
                            a.reviewReasons().isEmpty() ? null : "accepted, flagged for review: " + String.join("; ", a.reviewReasons()));
                } catch (Rejection r) {
                    h.rollbackToSavepoint("apply");
                    h.createUpdate("update pos_offline_sync_status set outcome = 'rejected', code = :code, reason = :reason where uuid = :uuid")
                            .bind("code", r.code()).bind("reason", r.getMessage()).bind("uuid", row.uuid()).execute();
                    return RowResult.rejected(row.uuid(), row.seq(), r.code(), r.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.error("ingest of row {} (device {}, seq {}) failed; nothing was written, the device will retry: {}",
                    row.uuid(), device.posId(), row.seq(), e.toString(), e);
            throw e;
        }
    }

    /**
     * True when this exact row (same device, sequence and content) was received before and rejected: its claim
     * is then locked for this transaction, so a concurrent resend waits and afterwards sees the new outcome.
     */
    private static boolean lockRejectedClaim(Handle h, DeviceRecord device, SyncRow row, String fingerprint) {
        return h.createQuery("""
                        select outcome from pos_offline_sync_status
                        where uuid = :u and device_id = :d and seq = :s and payload_hash = :hash
                        for update
                        """)
                .bind("u", row.uuid()).bind("d", device.id()).bind("s", row.seq()).bind("hash", fingerprint)
                .mapTo(String.class).findOne().map("rejected"::equals).orElse(false);
    }

    private RowResult alreadySeen(Handle h, DeviceRecord device, SyncRow row, String fingerprint) {
        record Seen(long deviceId, long seq, String hash, String outcome, String code, String reason, boolean review, String reasons) {}
        Optional<Seen> byUuid = h.createQuery("""
                        select device_id, seq, payload_hash, outcome, code, reason, review, review_reasons
                        from pos_offline_sync_status where uuid = :u
                        """).bind("u", row.uuid())
                .map((rs, c) -> new Seen(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), rs.getString(8)))
                .findOne();
        if (byUuid.isPresent()) {
            Seen s = byUuid.get();
            if (s.deviceId() != device.id() || s.seq() != row.seq() || !s.hash().equals(fingerprint)) {
                return RowResult.rejected(row.uuid(), row.seq(), "uuid_conflict", "UUID " + row.uuid()
                        + " was already used for a different row (another sequence number, device or content); the server kept the first one.");
            }
            RowOutcome original = RowOutcome.fromWire(s.outcome());
            String message = s.reason();
            if (original == RowOutcome.ACCEPTED && s.review()) {
                message = "accepted, flagged for review: " + String.join("; ", readReasons(s.reasons()));
            }
            return new RowResult(row.uuid(), row.seq(), RowOutcome.DUPLICATE, original, s.code(), message, s.review());
        }
        String other = h.createQuery("select uuid from pos_offline_sync_status where device_id = :d and seq = :s")
                .bind("d", device.id()).bind("s", row.seq()).mapTo(String.class).findOne().orElse("?");
        return RowResult.rejected(row.uuid(), row.seq(), "seq_conflict", "Sequence " + row.seq() + " of " + device.posId()
                + " was already received as row " + other + "; a device's sequence numbers must not be reused.");
    }

    private String writeReasons(List<String> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readReasons(String s) {
        if (s == null) return List.of();
        try {
            return json.readValue(s, new TypeReference<List<String>>() {});
        } catch (Exception e) {
            return List.of(s);
        }
    }

    private static String safeNumber(RowApplier applier, SyncRow row) {
        String n = applier.numberOf(row);
        return n != null && n.length() > 100 ? n.substring(0, 100) : n;
    }
}
