package dev.tillsync.reliability.crash;

import dev.tillsync.reliability.check.EndState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a crash run did and found; {@link #line()} is the figure line the issue asks for. */
public record CrashFigures(String scenario, long seed, int kills, Map<String, Integer> killsByPoint, EndState.Verdict verdict,
                           List<String> violations, Duration took) {
    public boolean ok() {
        return violations.isEmpty();
    }

    public String line() {
        return String.format("%s (seed %d): kills: %d, sales confirmed: %d, on server: %d, lost: %d, duplicated: %d; kill points %s; %s; took %ds",
                scenario, seed, kills, verdict.confirmed(), verdict.onServer(), verdict.lost(), verdict.duplicated(), killsByPoint,
                violations.isEmpty() ? "all checks passed" : violations.size() + " VIOLATIONS", took.toSeconds());
    }
}
