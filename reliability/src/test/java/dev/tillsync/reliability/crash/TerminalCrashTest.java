package dev.tillsync.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.support.SharedEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI setting of the terminal crash run: kill -9 of the real terminal process at 60 chosen instants. */
class TerminalCrashTest {
    static final int KILLS = Integer.getInteger("crash.terminal.kills", 60);

    @TempDir
    Path dir;

    @Test
    void noConfirmedSaleIsLostAndNoneCountedTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.currentTimeMillis() % 100_000);
        CrashFigures f = new TerminalCrashRun(SharedEnv.server(), SharedEnv.ledger(), dir, System.getProperty("java.class.path"), System.out)
                .run(KILLS, seed);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.kills()).isEqualTo(KILLS);
        assertThat(f.verdict().confirmed()).as("sales confirmed before kills").isGreaterThan(KILLS);
        assertThat(f.verdict().lost()).isZero();
        assertThat(f.verdict().duplicated()).isZero();
        assertThat(f.killsByPoint()).as("every kill point was hit").hasSize(TerminalCrashRun.KillPoint.values().length);
    }
}
