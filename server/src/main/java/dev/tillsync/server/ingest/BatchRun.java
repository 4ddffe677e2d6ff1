package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.ingest.RowState.Accepted;
import dev.tillsync.server.ingest.RowState.Applied;
import dev.tillsync.server.ingest.RowState.Checked;
import dev.tillsync.server.ingest.RowState.Invalid;
import dev.tillsync.server.ingest.RowState.Rejected;
import dev.tillsync.server.ingest.RowState.Repeat;
import dev.tillsync.server.ingest.RowState.Seen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * One attempt at one batch, in one PostgreSQL transaction (invariant 3: exactly-once effect).
 *
 * <p>The batch's rows are claimed, in the batch's order (oldest first), by one insert on the sync-status
 * ledger; then they are applied in order. Only the rows that end otherwise than accepted as claimed (rejected,
 * flagged for review, numbered differently) have their record written a second time. Invoices, nearly all of a
 * catch-up, are checked one by one without writing and each run of consecutive invoices is inserted by one
 * statement ({@link InvoiceRun}); any other row first ends the run, then is applied under its own savepoint. A
 * {@link Rejection} rolls back to that savepoint (an invoice check has nothing to roll back) and records the
 * rejection, so the rows after it still apply. Any other failure rolls back the whole batch (nothing
 * half-written; the device resends). When two servers get the same rows at once, the second claim waits for the
 * first transaction and then finds the conflict, so exactly one applies each row and the other answers
 * {@code duplicate} with the recorded outcome.
 *
 * <p>A row that was rejected had no effect, so when the device sends it again (the cashier pressed retry,
 * perhaps after the missing item was added on the server) it is evaluated afresh under a row lock on its
 * record; an accepted row is never applied twice.
 */
final class BatchRun {
    private static final int MAX_UUID = 64;

    private final RowAppliers appliers;
    private final SyncStatusLedger ledger;
    private final BatchWrites writes;
    private final IngestContext ctx;
    private final DeviceRecord device;
    private final List<SyncRow> rows;
    private final String via;
    private final InvoiceRun invoiceRun = new InvoiceRun();
    private final RowState[] states;
    private final String[] fingerprints, claimNumbers;
    /** Index of the first copy of each uuid in the batch. */
    private final Map<String, Integer> firstCopy = new HashMap<>();
    private volatile SyncRow current;
    private HighWater highWater;

    BatchRun(RowAppliers appliers, SyncStatusLedger ledger, BatchWrites writes, IngestContext ctx, List<SyncRow> rows, String via) {
        this.appliers = appliers;
        this.ledger = ledger;
        this.writes = writes;
        this.ctx = ctx;
        this.device = ctx.device();
        this.rows = rows;
        this.via = via;
        this.states = new RowState[rows.size()];
        this.fingerprints = new String[rows.size()];
        this.claimNumbers = new String[rows.size()];
    }

    /** The device's high-water marks after this batch; set by {@link #execute}. */
    HighWater highWater() {
        return highWater;
    }

    /** The row being applied, for the message when the batch fails; null before and after the rows. */
    SyncRow current() {
        return current;
    }

    /**
     * Ingests the batch and returns one result per row, in order.
     *
     * @param alsoInTransaction more writes that belong to the same transaction (e.g. the device's last sync time)
     */
    List<RowResult> execute(Handle h, Consumer<Handle> alsoInTransaction) {
        ctx.prefetchItems(h, rows);
        ctx.returned().lockReturnedSales(h, rows);
        Set<String> claimed = claim(h);
        applyEachRow(h, claimed);
        ledger.countDuplicates(h, resends());
        alsoInTransaction.accept(h); // before the flush, which takes the global change lock: keep that section short
        writes.flush(h);
        recordAccepted(h);
        highWater = raiseHighWater(h, claimed); // last: the device's mark row stays locked for the shortest time
        return answers(rows, states);
    }

    /**
     * Raises the device's marks to the highest sequence and invoice number this batch claimed (accepted or refused,
     * their numbers are taken either way), computed from the batch in memory: one statement per batch, none when
     * nothing was claimed (the marks are then only read).
     */
    private HighWater raiseHighWater(Handle h, Set<String> claimed) {
        if (claimed.isEmpty()) return ledger.highWater(h, device);
        NumberingSeries series = NumberingSeries.invoices(device.invoiceSeries());
        long seq = 0, invoice = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (fingerprints[i] == null || states[i] instanceof Repeat || !claimed.contains(rows.get(i).uuid())) continue;
            SyncRow row = rows.get(i);
            seq = Math.max(seq, row.seq());
            if (row.kind() == RowKind.INVOICE) invoice = Math.max(invoice, series.counterOf(claimNumbers[i]));
        }
        return ledger.raiseHighWater(h, device, seq, invoice);
    }

    /**
     * Claims the well-formed rows in one statement, in batch order (so two copies of a batch wait on each other
     * row by row and cannot deadlock); returns the uuids this transaction now owns.
     */
    private Set<String> claim(Handle h) {
        SyncStatusLedger.Claims claims = ledger.claims(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SyncRow row = rows.get(i);
            RowResult invalid = invalid(row);
            if (invalid != null) {
                states[i] = new Invalid(invalid);
                continue;
            }
            fingerprints[i] = Payloads.fingerprint(row);
            claimNumbers[i] = appliers.claimNumber(row);
            claims.add(row, claimNumbers[i], fingerprints[i]);
        }
        return ledger.claim(h, device.id(), via, claims);
    }

    private void applyEachRow(Handle h, Set<String> claimed) {
        for (int i = 0; i < rows.size(); i++) {
            if (states[i] instanceof Invalid) continue;
            SyncRow row = rows.get(i);
            current = row;
            Integer first = firstCopy.putIfAbsent(row.uuid(), i);
            if (first != null) {
                // A later copy of a uuid in the same batch is a repeat: it gets the first copy's answer and
                // is never applied itself, whatever that answer turns out to be.
                states[i] = new Repeat(first);
                continue;
            }
            boolean own = claimed.contains(row.uuid());
            // A run of invoices ends before any other row, so that row sees every invoice before it as written.
            if (!own || row.kind() != RowKind.INVOICE) insertInvoices(h);
            states[i] = apply(h, i, row, own);
        }
        insertInvoices(h);
        current = null;
    }

    private static RowResult invalid(SyncRow row) {
        if (row == null || row.uuid() == null || row.uuid().isBlank() || row.uuid().length() > MAX_UUID) {
            return RowResult.rejected(row == null ? null : row.uuid(), row == null ? 0 : row.seq(), "invalid_row",
                    "Each row needs a uuid (at most " + MAX_UUID + " characters).");
        }
        if (row.seq() < 1 || row.kind() == null) {
            return RowResult.rejected(row.uuid(), row.seq(), "invalid_row", "Each row needs a kind and a sequence number of 1 or more.");
        }
        if (Payloads.unstorable(row.uuid()) || Payloads.hasUnstorableText(row.payload())) {
            return RowResult.rejected(row.uuid(), row.seq(), "invalid_payload", "Row " + row.seq()
                    + " contains a NUL character (U+0000) or broken Unicode (a lone surrogate, from invalid UTF-8), which no text may hold;"
                    + " the server cannot store it. The rows after it are not held back.");
        }
        return null;
    }

    /** Where row {@code index} stands once applied (or found already received, or refused). */
    private RowState apply(Handle h, int index, SyncRow row, boolean claimedHere) {
        if (!claimedHere) {
            if (!ledger.lockRejectedClaim(h, device.id(), row, fingerprints[index])) {
                RowResult seen = ledger.alreadySeen(h, device, row, fingerprints[index], claimNumbers[index]);
                return seen.outcome() == RowOutcome.DUPLICATE ? new Seen(seen) : new Rejected(seen);
            }
            ledger.clearRejection(h, row.uuid());
        }
        if (row.kind() == RowKind.INVOICE) {
            try {
                invoiceRun.add(appliers.invoices().check(h, ctx, index, row));
                return new Checked(claimedHere);
            } catch (Rejection r) {
                return new Rejected(ledger.reject(h, row, r));
            }
        }
        RowApplier applier = appliers.of(row.kind());
        h.savepoint("row");
        RowEffects effects = new RowEffects();
        try {
            AppliedRow a = applier.apply(h, ctx, row, effects);
            h.release("row");
            return new Applied(a, writes.add(effects), claimedHere);
        } catch (Rejection r) {
            h.rollbackToSavepoint("row"); // Jdbi forgets the savepoint here; the next row's savepoint shadows it
            return new Rejected(ledger.reject(h, row, r));
        }
    }

    /** Inserts the pending run of checked invoices with one statement and queues their lines, payments and stock. */
    private void insertInvoices(Handle h) {
        if (invoiceRun.isEmpty()) return;
        Map<String, Long> ids = invoiceRun.insert(h, device);
        for (InvoiceApplier.Checked c : invoiceRun.checked()) {
            Long id = ids.get(c.row().uuid());
            if (id == null) {
                states[c.index()] = new Rejected(ledger.reject(h, c.row(), InvoiceRun.duplicateNumber(c.invoice().number())));
                continue;
            }
            boolean claimedHere = states[c.index()] instanceof Checked(boolean own) && own;
            RowEffects effects = new RowEffects();
            InvoiceApplier.effects(id, c, device.id(), device.warehouse(), effects);
            writes.storeInvoice(c.invoice().isReturn() ? c.invoice().returnAgainst() : c.invoice().number());
            states[c.index()] = new Applied(new AppliedRow(c.invoice().number(), c.review(), c.invoice().printedNumber()),
                    writes.add(effects), claimedHere);
        }
        invoiceRun.clear();
    }

    /** The uuids answered duplicate, in batch order: repeats within the batch and rows an earlier batch received. */
    private List<String> resends() {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            if (states[i] instanceof Repeat || states[i] instanceof Seen) uuids.add(rows.get(i).uuid());
        }
        return uuids;
    }

    /**
     * Records the applied rows' outcomes, with the stock flags known only now: one statement for the rows whose
     * record is not already right as its claim wrote it (accepted, same number, no review).
     */
    private void recordAccepted(Handle h) {
        SyncStatusLedger.Outcomes changed = ledger.outcomes();
        for (int i = 0; i < states.length; i++) {
            if (!(states[i] instanceof Applied(AppliedRow applied, List<BatchWrites.StockMark> marks, boolean claimedHere))) continue;
            List<String> reasons = new ArrayList<>(applied.reviewReasons());
            for (BatchWrites.StockMark m : marks) {
                long level = writes.levelAfter(m);
                if (level < 0) reasons.add("stock of " + m.itemCode() + " in " + m.warehouse() + " is now " + dev.tillsync.core.master.Unit.format(level));
            }
            boolean review = !reasons.isEmpty();
            SyncRow row = rows.get(i);
            states[i] = new Accepted(RowResult.accepted(row.uuid(), row.seq(), review,
                    review ? "accepted, flagged for review: " + String.join("; ", reasons) : null));
            boolean asClaimed = claimedHere && !review && (applied.number() == null || applied.number().equals(claimNumbers[i]));
            if (!asClaimed) changed.add(row.uuid(), applied.number(), applied.printedNumber(), reasons);
        }
        ledger.recordAccepted(h, changed);
    }

    /**
     * Each row's answer, in order; a repeat answers {@code duplicate} with its first copy's outcome. A row without
     * an outcome fails the batch: its claim, left as written, would say accepted for a row that was not.
     */
    static List<RowResult> answers(List<SyncRow> rows, RowState[] states) {
        RowResult[] results = new RowResult[states.length];
        for (int i = 0; i < states.length; i++) {
            SyncRow row = rows.get(i);
            results[i] = switch (states[i]) {
                case Invalid(RowResult answer) -> answer;
                case Seen(RowResult answer) -> answer;
                case Rejected(RowResult answer) -> answer;
                case Accepted(RowResult answer) -> answer;
                case Repeat(int first) -> repeatOf(row, results[first]);
                case Checked c -> throw noOutcome(row);
                case Applied a -> throw noOutcome(row);
                case null -> throw noOutcome(row);
            };
        }
        return Arrays.asList(results);
    }

    private static RowResult repeatOf(SyncRow row, RowResult first) {
        RowOutcome was = first.outcome() == RowOutcome.DUPLICATE ? first.original() : first.outcome();
        return new RowResult(row.uuid(), row.seq(), RowOutcome.DUPLICATE, was, first.code(), first.message(), first.review());
    }

    private static IllegalStateException noOutcome(SyncRow row) {
        return new IllegalStateException("row " + row.uuid() + " of the batch got no outcome");
    }
}
