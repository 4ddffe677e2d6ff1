package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import java.util.List;

/** The answer to an import: counts per outcome and every row's result, in file order. */
public record ImportSummary(String posId, int accepted, int duplicates, int rejected, List<RowResult> results) {
    public static ImportSummary of(String posId, List<RowResult> results) {
        int a = 0, d = 0, r = 0;
        for (RowResult x : results) {
            if (x.outcome() == RowOutcome.ACCEPTED) a++;
            else if (x.outcome() == RowOutcome.DUPLICATE) d++;
            else r++;
        }
        return new ImportSummary(posId, a, d, r, List.copyOf(results));
    }
}
