package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.RowResult;
import java.util.List;

/**
 * Where one row of a batch stands while the batch runs. Invariant: the batch commits only when every row is
 * answered (Invalid, Seen, Rejected, Accepted, or a Repeat of one of them); a row still Checked or Applied has no
 * outcome yet, and its claim would say accepted for a row that was not, so {@link BatchRun} refuses to commit.
 */
sealed interface RowState {
    /** Failed the checks made before any claim (no uuid, no kind, a NUL character): never claimed, never applied. */
    record Invalid(RowResult answer) implements RowState {}

    /** A later copy of a uuid earlier in the same batch: never applied itself, it answers what row {@code first} answers. */
    record Repeat(int first) implements RowState {}

    /** Received by an earlier batch: answers duplicate with the outcome recorded then. */
    record Seen(RowResult answer) implements RowState {}

    /** An invoice that passed its checks and waits for its run's single insert ({@link InvoiceRun}). */
    record Checked(boolean claimedHere) implements RowState {}

    /**
     * Applied in this transaction; its outcome is recorded at the end, once the batch's stock levels are known.
     *
     * @param claimedHere claimed by this transaction (so its record already says accepted), not a rejected row of an
     *                    earlier batch judged again
     */
    record Applied(AppliedRow row, List<BatchWrites.StockMark> marks, boolean claimedHere) implements RowState {}

    /** Refused: rolled back to its savepoint if it wrote anything, its record (if this transaction may write it) says why. */
    record Rejected(RowResult answer) implements RowState {}

    /** Applied and recorded accepted, with its review flags. */
    record Accepted(RowResult answer) implements RowState {}
}
