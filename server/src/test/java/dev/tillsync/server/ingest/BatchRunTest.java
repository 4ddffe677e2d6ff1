package dev.tillsync.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch's answers follow from its rows' states alone: a repeat within the batch answers what its first copy
 * answered, whatever that turned out to be, and a row left without an outcome stops the batch from committing.
 */
class BatchRunTest {
    private static SyncRow row(String uuid, long seq) {
        return new SyncRow(uuid, seq, RowKind.INVOICE, Instant.EPOCH, null);
    }

    @Test
    void aUuidRepeatedInOneBatchGetsItsFirstCopysAnswerUnderItsOwnSequence() {
        List<SyncRow> rows = List.of(row("a", 1), row("b", 2), row("a", 3), row("b", 4));
        RowResult rejected = RowResult.rejected("a", 1, "unknown_item", "Invoice POS-1: item 'X' does not exist on the server.");
        RowResult flagged = RowResult.accepted("b", 2, true, "accepted, flagged for review: stock of X in Main is now -1");
        RowState[] states = {new RowState.Rejected(rejected), new RowState.Accepted(flagged), new RowState.Repeat(0), new RowState.Repeat(1)};

        List<RowResult> answers = BatchRun.answers(rows, states);

        assertThat(answers.subList(0, 2)).containsExactly(rejected, flagged);
        assertThat(answers.get(2)).isEqualTo(new RowResult("a", 3, RowOutcome.DUPLICATE, RowOutcome.REJECTED, "unknown_item",
                rejected.message(), false));
        assertThat(answers.get(3)).isEqualTo(new RowResult("b", 4, RowOutcome.DUPLICATE, RowOutcome.ACCEPTED, null,
                flagged.message(), true));
    }

    @Test
    void aRepeatOfARowAnEarlierBatchReceivedAnswersTheOutcomeRecordedThen() {
        List<SyncRow> rows = List.of(row("a", 1), row("a", 1));
        RowResult seen = new RowResult("a", 1, RowOutcome.DUPLICATE, RowOutcome.ACCEPTED, null, null, false);
        RowState[] states = {new RowState.Seen(seen), new RowState.Repeat(0)};

        assertThat(BatchRun.answers(rows, states)).containsExactly(seen, seen);
    }

    @Test
    void aRowStillWaitingForItsOutcomeStopsTheBatch() {
        List<SyncRow> rows = List.of(row("a", 1), row("b", 2));
        RowState[] checked = {new RowState.Accepted(RowResult.accepted("a", 1, false, null)), new RowState.Checked(true)};
        RowState[] applied = {new RowState.Applied(new AppliedRow("POS-1", List.of()), List.of(), true), new RowState.Repeat(0)};

        assertThatThrownBy(() -> BatchRun.answers(rows, checked)).isInstanceOf(IllegalStateException.class)
                .hasMessage("row b of the batch got no outcome");
        assertThatThrownBy(() -> BatchRun.answers(rows, applied)).isInstanceOf(IllegalStateException.class)
                .hasMessage("row a of the batch got no outcome");
    }
}
