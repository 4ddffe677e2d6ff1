package dev.tillsync.reliability.restore;

import dev.tillsync.reliability.check.EndState;
import java.time.Duration;
import java.util.List;

/** What a server-restore run saw; {@link #line()} is the figure line docs/reliability.md quotes. */
public record RestoreFigures(int tills, int salesBeforeBackup, int salesAfterBackup, long lostByRestore, long resent, Duration catchUp,
                             List<EndState.Verdict> verdicts, List<String> violations, Duration took) {
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
        return String.format("server restore: %d tills, %d sales before the backup, %d synced after it; the restore lost %d invoices on the"
                        + " server; tills resent %d rows on their next contact, caught up in %d ms; lost: %d, duplicated: %d; %s; took %ds",
                tills, salesBeforeBackup, salesAfterBackup, lostByRestore, resent, catchUp.toMillis(), lost(), duplicated(),
                violations.isEmpty() ? "all checks passed" : violations.size() + " VIOLATIONS", took.toSeconds());
    }
}
