package dev.tillsync.core.payload;

import java.time.Instant;
import java.util.Map;

/**
 * Outbox payload of kind {@code shift_close}: what the drawer should hold (float + cash sales − change
 * − cash refunds) against what the cashier counted, and the totals per payment mode.
 */
public record ShiftClosePayload(String shiftUuid, String user, Instant closedAt, long expectedCashMinor,
                                long countedCashMinor, Map<String, Long> totalsByModeMinor, long salesCount) {
    public ShiftClosePayload {
        totalsByModeMinor = totalsByModeMinor == null ? Map.of() : Map.copyOf(totalsByModeMinor);
    }
}
