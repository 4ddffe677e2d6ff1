package dev.tillsync.reliability.outage;

import dev.tillsync.reliability.check.EndState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a database outage run saw. {@code answersDuringOutage} counts the server's answers to the tills' syncs and the
 * health probes while PostgreSQL was down, by kind (database_unavailable, internal_error, ...); the latencies are of
 * those answers. {@code recovery} is from PostgreSQL accepting connections again to the server's first healthy answer.
 */
public record OutageFigures(Duration outage, int tills, Map<String, Long> answersDuringOutage, Duration p50Answer, Duration p99Answer,
                            Duration slowestAnswer, Duration recovery, List<EndState.Verdict> verdicts, List<String> violations, Duration took) {
    public boolean ok() {
        return violations.isEmpty();
    }

    public int confirmed() {
        return verdicts.stream().mapToInt(EndState.Verdict::confirmed).sum();
    }

    public int lost() {
        return verdicts.stream().mapToInt(EndState.Verdict::lost).sum();
    }

    public int duplicated() {
        return verdicts.stream().mapToInt(EndState.Verdict::duplicated).sum();
    }

    public String line() {
        return String.format("database away: PostgreSQL stopped %ds under %d selling tills; answers while it was down %s, p50 %d ms,"
                        + " p99 %d ms, slowest %d ms; server healthy %d ms after PostgreSQL was back; sales confirmed: %d, lost: %d,"
                        + " duplicated: %d; %s; took %ds",
                outage.toSeconds(), tills, answersDuringOutage, p50Answer.toMillis(), p99Answer.toMillis(), slowestAnswer.toMillis(),
                recovery.toMillis(), confirmed(), lost(), duplicated(),
                violations.isEmpty() ? "all checks passed" : violations.size() + " VIOLATIONS", took.toSeconds());
    }
}
