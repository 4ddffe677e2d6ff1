package dev.tillsync.terminal;

import java.time.Instant;
import java.util.Map;

/**
 * The reconciliation of a closed shift: expected cash = float + cash taken − change given − cash refunded.
 *
 * @param differenceMinor counted − expected (negative: drawer short)
 * @param totalsByModeMinor net takings per payment mode (cash net of change)
 */
public record ShiftCloseReport(ShiftInfo shift, Instant closedAt, long expectedCashMinor, long countedCashMinor,
                               long differenceMinor, Map<String, Long> totalsByModeMinor, long salesCount) {
    public ShiftCloseReport {
        totalsByModeMinor = Map.copyOf(totalsByModeMinor);
    }
}
