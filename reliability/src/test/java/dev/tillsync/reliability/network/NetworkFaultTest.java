package dev.tillsync.reliability.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.reliability.chaos.NetworkChaosRun;
import dev.tillsync.reliability.faults.FaultMode;
import dev.tillsync.reliability.support.SharedEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ~1,000 sales through the facade under a seeded schedule of every fault mode (seed printed; rerun one with
 * {@code -Dchaos.seed=N}); the end state must equal a fault-free run of the same sales.
 */
class NetworkFaultTest {
    @TempDir
    Path dir;

    @Test
    void sellingNeverWaitsAndTheEndStateEqualsAFaultFreeRun() throws Exception {
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis() % 100_000);
        System.out.println("NetworkFaultTest seed " + seed + " (rerun with -Dchaos.seed=" + seed + ")");
        NetworkChaosRun.Report r = new NetworkChaosRun(SharedEnv.server(), SharedEnv.ledger(), dir, System.out)
                .run(NetworkChaosRun.Config.ci(seed));
        assertThat(r.violations()).as("seed " + seed).isEmpty();
        assertThat(r.maxSaleMillis()).as("slowest sale, seed " + seed).isLessThan(NetworkChaosRun.MAX_SALE_MILLIS);
        assertThat(r.chaos().onServer()).isEqualTo(r.sales());
        assertThat(r.chaos().lost()).isZero();
        assertThat(r.chaos().duplicated()).isZero();
        assertThat(r.offlineSales()).as("some sales were made while the terminal knew it was offline").isPositive();
        assertThat(r.spansPerMode().keySet()).as("the schedule exercised most fault modes").hasSizeGreaterThanOrEqualTo(6);
        assertThat(r.spansPerMode()).containsKey(FaultMode.BLACKHOLE);
    }
}
