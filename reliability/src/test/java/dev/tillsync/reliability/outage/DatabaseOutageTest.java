package dev.tillsync.reliability.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI setting of the database outage run (issue 20 item 6): PostgreSQL stopped under a server on --db while three tills
 * sell and sync. The long mode (bin/pos bench chaos --db-outage 30) stops it for 30 s.
 */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void theServerAnswers503QuicklyWhileItsDatabaseIsAwayRecoversByItselfAndLosesNothing() throws Exception {
        int seconds = Integer.getInteger("outage.seconds", 8);
        OutageFigures f = new DatabaseOutageRun(dir, System.out).run(3, Duration.ofSeconds(seconds), 20_06);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.lost()).isZero();
        assertThat(f.duplicated()).isZero();
        assertThat(f.confirmed()).isPositive();
        assertThat(f.answersDuringOutage()).as("the server answered while PostgreSQL was down, and said why")
                .containsKey("health 503")
                .containsKey("console 503 page")
                .containsKey("sync database_unavailable");
        assertThat(f.slowestAnswer()).isLessThan(DatabaseOutageRun.QUICK);
        assertThat(f.recovery()).isLessThan(Duration.ofSeconds(15)).isPositive();
    }
}
