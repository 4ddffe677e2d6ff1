package dev.tillsync.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.support.SharedEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI setting of the server crash runs: server processes killed mid-ingest, alone and behind a round-robin proxy. */
class ServerCrashTest {
    static final int KILLS = Integer.getInteger("crash.server.kills", 20);

    @TempDir
    Path dir;

    private CrashFigures run(int servers, Path where) throws Exception {
        long seed = Long.getLong("crash.seed", System.currentTimeMillis() % 100_000);
        CrashFigures f = new ServerCrashRun(SharedEnv.postgres(), where, System.getProperty("java.class.path"), System.out)
                .run(servers, KILLS, seed);
        assertThat(f.violations()).as(f.line()).isEmpty();
        assertThat(f.verdict().lost()).isZero();
        assertThat(f.verdict().duplicated()).isZero();
        assertThat(f.verdict().onServer()).isGreaterThanOrEqualTo(f.verdict().confirmed()).isPositive();
        assertThat(f.killsByPoint()).as("some kills landed while a push was in flight").containsKey("mid-ingest");
        return f;
    }

    @Test
    void oneServerKilledMidIngestLosesAndDuplicatesNothing() throws Exception {
        run(1, dir.resolve("one"));
    }

    @Test
    void oneOfTwoServersBehindARoundRobinProxyKilled() throws Exception {
        run(2, dir.resolve("two"));
    }
}
