package dev.tillsync.reliability.failover;

import dev.tillsync.reliability.check.EndState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a failover run saw. {@code lostByDatabase}: invoices the tills held as Synced (the server had answered
 * accepted) that the promoted standby did not have; the tills then resend them, so {@link #lost()} counts what is
 * missing at the end.
 */
public record FailoverFigures(String mode, int tills, int invoices, long onServerAtKill, long lostByDatabase, Duration outage, Duration afterPromotion,
                              Map<String, Long> answersDuringOutage, List<EndState.Verdict> verdicts, List<String> violations, Duration took) {
    public boolean ok() {
        return violations.isEmpty();
    }

    public int lost() {
        return verdicts.stream().mapToInt(EndState.Verdict::lost).sum();
    }

    public int duplicated() {
        return verdicts.stream().mapToInt(EndState.Verdict::duplicated).sum();
    }

    public String line() {
        return String.format("failover (%s replication): %d tills reconnecting with %d invoices; primary killed with %d on the server,"
                        + " standby promoted; the outage lasted %d ms from the kill to the first push taken in after the promotion (%d ms after the promotion), answers meanwhile %s; accepted but missing after the promotion: %d"
                        + " (resent by the tills); lost: %d, duplicated: %d; %s; took %ds",
                mode, tills, invoices, onServerAtKill, outage.toMillis(), afterPromotion.toMillis(), answersDuringOutage, lostByDatabase, lost(), duplicated(),
                violations.isEmpty() ? "all checks passed" : violations.size() + " VIOLATIONS", took.toSeconds());
    }
}
