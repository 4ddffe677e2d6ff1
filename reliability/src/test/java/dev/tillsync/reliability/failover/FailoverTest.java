package dev.tillsync.reliability.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.env.ReplicatedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI setting of the failover run (issue 20 item 1): 8 tills × 40 offline invoices, the primary killed mid-storm. */
class FailoverTest {
    @TempDir
    Path dir;

    @Test
    void withSynchronousReplicationNothingTheServerAcceptedIsMissingAfterThePromotion() throws Exception {
        FailoverFigures f = new FailoverRun(dir.resolve("sync"), System.out).run(ReplicatedPostgres.Mode.SYNC, 8, 40, 20_01);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.lostByDatabase()).isZero();
        assertThat(f.onServerAtKill()).as("the primary died mid-storm").isPositive().isLessThan(f.invoices());
        assertThat(f.lost()).isZero();
        assertThat(f.duplicated()).isZero();
        assertThat(f.outage()).isPositive();
    }

    @Test
    void withAsynchronousReplicationWhatTheStandbyMissedIsResentByTheTills() throws Exception {
        FailoverFigures f = new FailoverRun(dir.resolve("async"), System.out).run(ReplicatedPostgres.Mode.ASYNC, 8, 40, 20_01);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.lost()).as("missing after the promotion: " + f.lostByDatabase() + ", resent by the tills").isZero();
        assertThat(f.duplicated()).isZero();
    }
}
