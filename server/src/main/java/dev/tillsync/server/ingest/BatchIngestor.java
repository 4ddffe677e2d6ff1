package dev.tillsync.server.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.http.ApiException;
import dev.tillsync.core.json.Json;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest path for pushed and imported rows (invariant 3: exactly-once effect).
 *
 * <p>A batch is one PostgreSQL transaction. Its rows are claimed, in the batch's order (oldest first), by one
 * {@code INSERT ... ON CONFLICT DO NOTHING} on pos_offline_sync_status (unique uuid, unique device+seq);
 * then the rows are applied in order. A claim is written with outcome accepted, the outcome nearly every
 * row of a catch-up ends with, so only the rows that end otherwise (rejected, flagged for review, numbered
 * differently) are written a second time; no other transaction sees a claim before the batch commits.
 * Invoices, nearly all of a catch-up, are checked one by one without writing and each run of consecutive
 * invoices is inserted by one statement ({@link InvoiceRun}); any other row first ends the run, then is
 * applied under its own savepoint. A {@link Rejection} rolls back to that savepoint (an invoice check has
 * nothing to roll back) and records the rejection, so the rows after it still apply. Any other failure
 * rolls back the whole batch (nothing half-written; the device resends). When two servers get the same rows at once, the second claim waits
 * for the first transaction and then finds the conflict, so exactly one applies each row and the other
 * answers {@code duplicate} with the recorded outcome. Claims are taken in the batch's sequence order,
 * so two copies of a batch wait on each other without deadlock; a deadlock or serialization failure
 * that PostgreSQL reports anyway retries the whole batch.
 *
 * <p>A row that was rejected had no effect, so when the device sends it again (the cashier pressed retry,
 * perhaps after the missing item was added on the server) it is evaluated afresh under a row lock on its
 * claim; an accepted row is never applied twice.
 */
public final class BatchIngestor {
    private static final Logger log = LoggerFactory.getLogger(BatchIngestor.class);
    private static final int MAX_UUID = 64;
    private static final int MAX_ATTEMPTS = 4;

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;
    private final Map<RowKind, RowApplier> appliers = new EnumMap<>(RowKind.class);
    private final InvoiceApplier invoices;
    private final ObjectMapper json = Json.mapper();

    public BatchIngestor(Jdbi jdbi, Catalog catalog, ChangeFeed feed) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
        this.invoices = new InvoiceApplier(catalog);
        appliers.put(RowKind.CUSTOMER, new CustomerApplier(catalog));
        appliers.put(RowKind.SHIFT_OPEN, new ShiftOpenApplier(catalog));
        appliers.put(RowKind.SHIFT_CLOSE, new ShiftCloseApplier());
        appliers.put(RowKind.STOCK_MOVEMENT, new StockMovementApplier());
    }

    /**
     * Ingests {@code rows} in one transaction and returns one result per row, in order.
     *
     * @param alsoInTransaction more writes that belong to the same transaction (e.g. the device's last sync time)
     */
    public List<RowResult> ingest(DeviceRecord device, List<SyncRow> rows, String batchProfileKey, String via,
                                  Consumer<Handle> alsoInTransaction) {
        for (int attempt = 1; ; attempt++) {
            BatchRun run = new BatchRun(device, rows, batchProfileKey, via);
            try {
                return jdbi.inTransaction(h -> run.execute(h, alsoInTransaction));
            } catch (RuntimeException e) {
                String state = sqlState(e);
                boolean contention = "40P01".equals(state) || "40001".equals(state);
                if (contention && attempt < MAX_ATTEMPTS) {
                    log.info("batch of {} rows from {} hit {} with a concurrent transaction; retrying the whole batch (attempt {})",
                            rows.size(), device.posId(), state, attempt + 1);
                    continue;
                }
                SyncRow at = run.current;
                String where = at == null ? "" : " at row " + at.uuid() + " (seq " + at.seq() + ")";
                if (contention) {
                    log.warn("batch of {} rows from {} still {} after {} attempts{}; nothing was written",
                            rows.size(), device.posId(), state, attempt, where);
                    throw new ApiException(503, "ingest_contention", "The batch kept colliding with concurrent pushes of "
                            + device.posId() + " (PostgreSQL " + state + "); nothing was written. The terminal will resend it.");
                }
                log.error("ingest of a batch of {} rows from {} failed{}; nothing was written, the device will retry: {}",
                        rows.size(), device.posId(), where, e.toString(), e);
                throw e;
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        return null;
    }

    /** One attempt at one batch: the rows' results so far and the writes deferred to the end. */
    private final class BatchRun {
        /** An accepted row whose outcome is recorded at the end, once the batch's stock levels are known. */
        private record Pending(int index, SyncRow row, AppliedRow applied, List<BatchWrites.StockMark> marks) {}

        private final DeviceRecord device;
        private final List<SyncRow> rows;
        private final String via;
        private final IngestContext ctx;
        private final BatchWrites writes = new BatchWrites(feed);
        private final InvoiceRun invoiceRun = new InvoiceRun();
        private final RowResult[] results;
        private final List<Pending> pending = new ArrayList<>();
        /** Number each row claimed by this transaction was claimed with (null when it has none), by uuid. */
        private final Map<String, String> claimedHere = new HashMap<>();
        /** Index of the first copy of each uuid in the batch. */
        private final Map<String, Integer> firstCopy = new HashMap<>();
        private final Map<Integer, Integer> duplicateOf = new HashMap<>();
        private final List<String> duplicates = new ArrayList<>();
        private volatile SyncRow current;

        BatchRun(DeviceRecord device, List<SyncRow> rows, String batchProfileKey, String via) {
            this.device = device;
            this.rows = rows;
            this.via = via;
            this.ctx = new IngestContext(catalog, device, batchProfileKey);
            this.results = new RowResult[rows.size()];
        }

        List<RowResult> execute(Handle h, Consumer<Handle> alsoInTransaction) {
            ctx.prefetchItems(h, rows);
            String[] fingerprints = new String[rows.size()], claimNumbers = new String[rows.size()];
            List<Integer> valid = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                results[i] = invalid(rows.get(i));
                if (results[i] == null) {
                    fingerprints[i] = Payloads.fingerprint(rows.get(i));
                    claimNumbers[i] = claimNumber(rows.get(i));
                    valid.add(i);
                }
            }
            Set<String> claimed = claim(h, valid, fingerprints, claimNumbers);
            for (int i : valid) {
                SyncRow row = rows.get(i);
                current = row;
                Integer first = firstCopy.putIfAbsent(row.uuid(), i);
                if (first != null) {
                    // A later copy of a uuid in the same batch is a repeat: it gets the first copy's answer and
                    // is never applied itself, whatever that answer turns out to be.
                    duplicateOf.put(i, first);
                    duplicates.add(row.uuid());
                    continue;
                }
                boolean own = claimed.contains(row.uuid());
                if (own) claimedHere.put(row.uuid(), claimNumbers[i]);
                // A run of invoices ends before any other row, so that row sees every invoice before it as written.
                if (!own || row.kind() != RowKind.INVOICE) insertInvoices(h);
                results[i] = row(h, i, row, fingerprints[i], own);
            }
            insertInvoices(h);
            current = null;
            countDuplicates(h);
            alsoInTransaction.accept(h); // before the flush, which takes the global change lock: keep that section short
            writes.flush(h);
            recordAccepted(h);
            duplicateOf.forEach((dup, original) -> {
                RowResult o = results[original];
                SyncRow r = rows.get(dup);
                RowOutcome was = o.outcome() == RowOutcome.DUPLICATE ? o.original() : o.outcome();
                results[dup] = new RowResult(r.uuid(), r.seq(), RowOutcome.DUPLICATE, was, o.code(), o.message(), o.review());
            });
            for (int i = 0; i < results.length; i++) {
                // A claim left as written would say accepted for a row that was not: refuse to commit that.
                if (results[i] == null) throw new IllegalStateException("row " + rows.get(i).uuid() + " of the batch got no outcome");
            }
            return Arrays.asList(results);
        }

        private static RowResult invalid(SyncRow row) {
            if (row == null || row.uuid() == null || row.uuid().isBlank() || row.uuid().length() > MAX_UUID) {
                return RowResult.rejected(row == null ? null : row.uuid(), row == null ? 0 : row.seq(), "invalid_row",
                        "Each row needs a uuid (at most " + MAX_UUID + " characters).");
            }
            if (row.seq() < 1 || row.kind() == null) {
                return RowResult.rejected(row.uuid(), row.seq(), "invalid_row", "Each row needs a kind and a sequence number of 1 or more.");
            }
            if (row.uuid().indexOf('\0') >= 0 || Payloads.hasNul(row.payload())) {
                return RowResult.rejected(row.uuid(), row.seq(), "invalid_payload", "Row " + row.seq()
                        + " contains a NUL character (U+0000), which no text may hold; the server cannot store it. The rows after it are not held back.");
            }
            return null;
        }

        /**
         * Claims the batch's rows in one statement, inserted in batch order (so two copies of a batch wait on
         * each other row by row and cannot deadlock); returns the uuids this transaction now owns.
         */
        private Set<String> claim(Handle h, List<Integer> valid, String[] fingerprints, String[] claimNumbers) {
            if (valid.isEmpty()) return Set.of();
            List<String> uuids = new ArrayList<>(), kinds = new ArrayList<>(), numbers = new ArrayList<>(), hashes = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            for (int i : valid) {
                SyncRow r = rows.get(i);
                uuids.add(r.uuid());
                seqs.add(r.seq());
                kinds.add(r.kind().wire());
                numbers.add(claimNumbers[i]);
                hashes.add(fingerprints[i]);
            }
            return new HashSet<>(h.createQuery("""
                            insert into pos_offline_sync_status (device_id, uuid, seq, kind, number, payload_hash, outcome, via)
                            select :d, t.uuid, t.seq, t.kind, t.number, t.hash, 'accepted', :via
                            from unnest(:uuids, :seqs, :kinds, :numbers, :hashes) with ordinality as t(uuid, seq, kind, number, hash, n)
                            order by t.n
                            on conflict do nothing
                            returning uuid
                            """)
                    .bind("d", device.id()).bind("via", via)
                    .bindArray("uuids", String.class, uuids).bindArray("seqs", Long.class, seqs).bindArray("kinds", String.class, kinds)
                    .bindArray("numbers", String.class, numbers).bindArray("hashes", String.class, hashes)
                    .mapTo(String.class).list());
        }

        /** The row's result, or null while it waits for {@link #recordAccepted} or the duplicate resolution. */
        private RowResult row(Handle h, int index, SyncRow row, String fingerprint, boolean claimed) {
            if (!claimed) {
                if (!lockRejectedClaim(h, row, fingerprint)) {
                    return alreadySeen(h, index, row, fingerprint);
                }
                h.createUpdate("update pos_offline_sync_status set code = null, reason = null where uuid = :uuid")
                        .bind("uuid", row.uuid()).execute();
            }
            if (row.kind() == RowKind.INVOICE) {
                try {
                    invoiceRun.add(invoices.check(h, ctx, index, row));
                    return null;
                } catch (Rejection r) {
                    return reject(h, row, r);
                }
            }
            RowApplier applier = appliers.get(row.kind());
            h.savepoint("row");
            RowEffects effects = new RowEffects();
            try {
                AppliedRow a = applier.apply(h, ctx, row, effects);
                h.release("row");
                pending.add(new Pending(index, row, a, writes.add(effects)));
                return null;
            } catch (Rejection r) {
                h.rollbackToSavepoint("row"); // Jdbi forgets the savepoint here; the next row's savepoint shadows it
                return reject(h, row, r);
            }
        }

        private RowResult reject(Handle h, SyncRow row, Rejection r) {
            h.createUpdate("update pos_offline_sync_status set outcome = 'rejected', code = :code, reason = :reason where uuid = :uuid")
                    .bind("code", r.code()).bind("reason", r.getMessage()).bind("uuid", row.uuid()).execute();
            return RowResult.rejected(row.uuid(), row.seq(), r.code(), r.getMessage());
        }

        /** Inserts the pending run of checked invoices with one statement and queues their lines, payments and stock. */
        private void insertInvoices(Handle h) {
            if (invoiceRun.isEmpty()) return;
            Map<String, Long> ids = invoiceRun.insert(h, device);
            for (InvoiceApplier.Checked c : invoiceRun.checked()) {
                Long id = ids.get(c.row().uuid());
                if (id == null) {
                    results[c.index()] = reject(h, c.row(), InvoiceRun.duplicateNumber(c.invoice().number()));
                    continue;
                }
                RowEffects effects = new RowEffects();
                InvoiceApplier.effects(id, c, device.id(), device.warehouse(), effects);
                pending.add(new Pending(c.index(), c.row(), new AppliedRow(c.invoice().number(), c.review()), writes.add(effects)));
            }
            invoiceRun.clear();
        }

        /** Counts the resends answered duplicate on their sync-status rows (one round trip for the batch). */
        private void countDuplicates(Handle h) {
            if (duplicates.isEmpty()) return;
            PreparedBatch b = h.prepareBatch("""
                    update pos_offline_sync_status set duplicate_count = duplicate_count + 1, last_duplicate_at = now() where uuid = :u
                    """);
            for (String u : duplicates) b.bind("u", u).add();
            b.execute();
        }

        /**
         * Records the accepted rows' outcomes, with the stock flags known only now: one statement for the rows
         * whose sync-status row is not already right as its claim wrote it (accepted, same number, no review).
         */
        private void recordAccepted(Handle h) {
            if (pending.isEmpty()) return;
            List<String> uuids = new ArrayList<>(), numbers = new ArrayList<>(), reasonsJson = new ArrayList<>();
            List<Boolean> reviews = new ArrayList<>();
            for (Pending p : pending) {
                List<String> reasons = new ArrayList<>(p.applied().reviewReasons());
                for (BatchWrites.StockMark m : p.marks()) {
                    long level = writes.levelAfter(m);
                    if (level < 0) reasons.add("stock of " + m.itemCode() + " in " + m.warehouse() + " is now " + level);
                }
                boolean review = !reasons.isEmpty();
                results[p.index()] = RowResult.accepted(p.row().uuid(), p.row().seq(), review,
                        review ? "accepted, flagged for review: " + String.join("; ", reasons) : null);
                // Claimed by this transaction (so written accepted), not an earlier batch's rejected row judged again.
                boolean asClaimed = claimedHere.containsKey(p.row().uuid()) && !review
                        && (p.applied().number() == null || p.applied().number().equals(claimedHere.get(p.row().uuid())));
                if (asClaimed) continue;
                uuids.add(p.row().uuid());
                numbers.add(p.applied().number());
                reviews.add(review);
                reasonsJson.add(review ? writeReasons(reasons) : null);
            }
            if (uuids.isEmpty()) return;
            h.createUpdate("""
                            update pos_offline_sync_status s
                            set outcome = 'accepted', number = coalesce(t.number, s.number), review = t.review, review_reasons = t.reasons
                            from unnest(:uuids, :numbers, :reviews, :reasons) as t(uuid, number, review, reasons)
                            where s.uuid = t.uuid
                            """)
                    .bindArray("uuids", String.class, uuids).bindArray("numbers", String.class, numbers)
                    .bindArray("reviews", Boolean.class, reviews).bindArray("reasons", String.class, reasonsJson)
                    .execute();
        }

        /**
         * True when this exact row (same device, sequence and content) was received before and rejected: its claim
         * is then locked for this transaction, so a concurrent resend waits and afterwards sees the new outcome.
         */
        private boolean lockRejectedClaim(Handle h, SyncRow row, String fingerprint) {
            return h.createQuery("""
                            select outcome from pos_offline_sync_status
                            where uuid = :u and device_id = :d and seq = :s and payload_hash = :hash
                            for update
                            """)
                    .bind("u", row.uuid()).bind("d", device.id()).bind("s", row.seq()).bind("hash", fingerprint)
                    .mapTo(String.class).findOne().map("rejected"::equals).orElse(false);
        }

        private RowResult alreadySeen(Handle h, int index, SyncRow row, String fingerprint) {
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
                duplicates.add(row.uuid());
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

    private String claimNumber(SyncRow row) {
        RowApplier applier = appliers.get(row.kind());
        String n = applier != null ? applier.numberOf(row) : RowApplier.payloadNumber(row); // invoices have no RowApplier
        return n != null && n.length() > 100 ? n.substring(0, 100) : n;
    }
}
