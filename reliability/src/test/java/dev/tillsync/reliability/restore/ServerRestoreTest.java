package dev.tillsync.reliability.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.support.SharedEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI setting of the server-restore run (issue 20 item 2): backup, 500 more sales synced from 3 tills, restore, next contact. */
class ServerRestoreTest {
    @TempDir
    Path dir;

    @Test
    void afterARestoreFromLastNightsBackupTheTillsResendAndTheServerHasEverySaleOnce() throws Exception {
        RestoreFigures f = new ServerRestoreRun(SharedEnv.postgres(), dir, System.out).run(3, 60, 500, 20_02);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.lostByRestore()).as("the restore took the server back past the later sales").isEqualTo(500);
        assertThat(f.resent()).as("the tills resent what the server lost").isGreaterThanOrEqualTo(500);
        assertThat(f.lost()).isZero();
        assertThat(f.duplicated()).isZero();
    }
}
