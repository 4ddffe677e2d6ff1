package dev.tillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.bench.catchup.CatchUpBench;
import dev.tillsync.bench.fleet.FleetBench;
import dev.tillsync.bench.footprint.FootprintBench;
import dev.tillsync.bench.pull.PullBench;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.sale.SaleCommitBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every benchmark at a tiny size: figures come out (no speed is asserted; machines are noisy). */
class BenchSmokeTest {
    @TempDir
    Path work;

    @Test
    void everyBenchmarkProducesFigures() throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchReport sale = new SaleCommitBench().run(new SaleCommitBench.Options(work, 10, 1, 2));
        assertFigures(sale, "facade.salesPerSec", "commit.salesPerSec", "ceiling.salesPerSec", "facade.ratio", "facade.p99ms");

        BenchReport catchUp = new CatchUpBench().run(new CatchUpBench.Options(work, 30, 1, List.of(10), Duration.ofSeconds(60), 10));
        assertFigures(catchUp, "ours: terminal sync, 10 rows/request.invoicesPerSec", "ours: terminal sync, 10 rows/request.vsNaive",
                "ours: terminal sync, 10 rows/request.vsCeiling");

        Path png = work.resolve("fleet.png");
        BenchReport fleet = new FleetBench().run(new FleetBench.Options(work, List.of(3), 2, 300, 0.2, 500, 50, 0, png));
        assertFigures(fleet, "3.pushesPerSec", "3.p99ms", "3.heapAfterGcMb");
        assertThat(fleet.figures().get("3.errors")).isZero();
        assertThat(Files.size(png)).isPositive();

        assertFigures(new PullBench().run(new PullBench.Options(work, 50)), "itemsPerSec", "firstSaleSec");
        assertFigures(new dev.tillsync.bench.catalog.ImportBench().run(new dev.tillsync.bench.catalog.ImportBench.Options(work, 50, 1)),
                "rawSec", "firstSec", "secondSec", "firstOverRaw");
        BenchReport footprint = new FootprintBench().run(new FootprintBench.Options(work, 20, Duration.ofSeconds(60)), fleet, 3);
        assertFigures(footprint, "fileMb", "serverHeapMb");
        // The engine keeps no caches, so its heap share can be zero to within GC noise; never negative.
        assertThat(footprint.figures().get("terminalHeapMb")).isNotNaN().isNotNegative();
        assertThat(sale.render()).contains("sales/s");

        BenchReport storm = new dev.tillsync.bench.storm.StormBench().run(new dev.tillsync.bench.storm.StormBench.Options(work, List.of(3), 10, 5, 1, 10, 100));
        assertFigures(storm, "3.drainSeconds", "3.invoicesPerSec", "3.vsCeiling", "3.p99ms");
        assertThat(storm.figures().get("3.errors")).isZero();
    }

    private static void assertFigures(BenchReport r, String... keys) {
        for (String k : keys) {
            assertThat(r.figures()).as(r.name() + " " + k).containsKey(k);
            assertThat(r.figures().get(k)).as(r.name() + " " + k).isNotNaN().isPositive();
        }
        assertThat(r.tables()).isNotEmpty();
    }
}
