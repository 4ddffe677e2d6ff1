package dev.tillsync.bench;

import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.sale.SaleCommitBench;
import dev.tillsync.bench.catchup.CatchUpBench;
import dev.tillsync.bench.fleet.FleetBench;
import dev.tillsync.bench.footprint.FootprintBench;
import dev.tillsync.bench.pull.PullBench;
import java.time.Duration;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/pos bench <name>}: benchmarks that print figures against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "tillsync benchmarks (figures only; never fails on speed)",
        subcommands = {BenchMain.SaleCommit.class, BenchMain.CatchUp.class, BenchMain.Fleet.class, BenchMain.Pull.class, BenchMain.Footprint.class, BenchMain.Import.class, BenchMain.Storm.class, BenchMain.All.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Every module ships a logback.xml; the bench's own quiet configuration wins without the duplicate-resource noise.
        if (System.getProperty("logback.configurationFile") == null) System.setProperty("logback.configurationFile", "bench-logback.xml");
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every benchmark takes. */
    static class Common {
        @Option(names = "--quick", description = "CI-sized run (small sizes, 1-2 rounds)")
        boolean quick;
        @Option(names = "--work", description = "scratch folder (default: a new temp folder)")
        Path work;
        @Option(names = "--rounds", description = "interleaved rounds (ours, baseline, ours, baseline...)")
        Integer rounds;

        Path work() throws java.io.IOException {
            return work != null ? Files.createDirectories(work) : Files.createTempDirectory("tillsync-bench");
        }

        int rounds(int full, int quick) {
            return rounds != null ? rounds : this.quick ? quick : full;
        }
    }

    static int print(BenchReport r) {
        System.out.println(r.render());
        System.out.flush();
        return 0;
    }

    @Command(name = "sale-commit", mixinStandardHelpOptions = true, description = "sales/s through the terminal engine vs the raw SQLite ceiling")
    static final class SaleCommit implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--sales", description = "sales per round per variant (default 2000; --quick 200)")
        Integer sales;

        @Override
        public Integer call() throws Exception {
            return print(new SaleCommitBench().run(options(common, sales)));
        }

        static SaleCommitBench.Options options(Common c, Integer sales) throws java.io.IOException {
            return new SaleCommitBench.Options(c.work(), sales != null ? sales : c.quick ? 200 : 2000, c.rounds(5, 2), c.quick ? 20 : 100);
        }
    }

    @Command(name = "catch-up", mixinStandardHelpOptions = true, description = "offline backlog syncing to a fresh server vs per-invoice HTTP and raw PostgreSQL")
    static final class CatchUp implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--invoices", description = "offline invoices (default 50000; --quick 2000)")
        Integer invoices;
        @Option(names = "--rows", split = ",", description = "sync_rows_per_request values (default 100,500,2000)")
        List<Integer> rows = List.of(100, 500, 2000);
        @Option(names = "--generate-seconds", description = "time box for recording the backlog through the engine (default 600)")
        int generateSeconds = 600;
        @Option(names = "--warmup-invoices", description = "untimed warm-up backlog every variant syncs once first (default 500; --quick 200; 0 = none)")
        Integer warmup;

        @Override
        public Integer call() throws Exception {
            return print(new CatchUpBench().run(options(common, invoices, rows, generateSeconds, warmup)));
        }

        static CatchUpBench.Options options(Common c, Integer invoices, List<Integer> rows, int generateSeconds, Integer warmup)
                throws java.io.IOException {
            return new CatchUpBench.Options(c.work(), invoices != null ? invoices : c.quick ? 2000 : 50_000, c.rounds(3, 1), rows,
                    Duration.ofSeconds(generateSeconds), warmup != null ? warmup : c.quick ? 200 : 500);
        }
    }

    @Command(name = "fleet", mixinStandardHelpOptions = true, description = "many simulated terminals pushing to one server, level by level")
    static final class Fleet implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--levels", split = ",", description = "fleet sizes (default 50,100,200,400; --quick 10,20)")
        List<Integer> levels;
        @Option(names = "--seconds", description = "selling time per level (default 20; --quick 3)")
        Integer seconds;
        @Option(names = "--sale-ms", description = "mean time between two sales of one till, ms (default 2000: a compressed, busy day)")
        long saleMs = 2000;
        @Option(names = "--offline-chance", description = "chance per sale that a till drops offline (default 0.05)")
        double offlineChance = 0.05;
        @Option(names = "--offline-max-ms", description = "longest offline period, ms (default 8000)")
        long offlineMaxMs = 8000;
        @Option(names = "--rows", description = "sync_rows_per_request of the simulated devices (default 500)")
        int rows = 500;
        @Option(names = "--warmup-seconds", description = "untimed warm-up at the first level (default 5; --quick 0)")
        Integer warmup;
        @Option(names = "--plot", description = "PNG of latency vs fleet size (default docs/fleet-latency.png)")
        Path plot = Path.of("docs/fleet-latency.png");

        @Override
        public Integer call() throws Exception {
            return print(new FleetBench().run(options(common, this)));
        }

        static FleetBench.Options options(Common c, Fleet f) throws java.io.IOException {
            return new FleetBench.Options(c.work(), f.levels != null ? f.levels : c.quick ? List.of(10, 20) : List.of(50, 100, 200, 400),
                    f.seconds != null ? f.seconds : c.quick ? 3 : 20, f.saleMs, f.offlineChance, f.offlineMaxMs, f.rows,
                    f.warmup != null ? f.warmup : c.quick ? 0 : 5, f.plot);
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "initial pull of a large catalogue and time to first sale")
    static final class Pull implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--items", description = "catalogue items (default 50000; --quick 2000)")
        Integer items;

        @Override
        public Integer call() throws Exception {
            return print(new PullBench().run(options(common, items)));
        }

        static PullBench.Options options(Common c, Integer items) throws java.io.IOException {
            return new PullBench.Options(c.work(), items != null ? items : c.quick ? 2000 : 50_000);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "catalogue CSV import vs raw COPY of the same rows, and a second import (all unchanged)")
    static final class Import implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--items", description = "catalogue items, two CSV rows each (default 50000; --quick 2000)")
        Integer items;
        @Option(names = "--runs", description = "runs of each variant; medians are reported (default 3; --quick 1)")
        Integer runs;

        @Override
        public Integer call() throws Exception {
            return print(new dev.tillsync.bench.catalog.ImportBench().run(options(common, items, runs)));
        }

        static dev.tillsync.bench.catalog.ImportBench.Options options(Common c, Integer items, Integer runs) throws java.io.IOException {
            return new dev.tillsync.bench.catalog.ImportBench.Options(c.work(), items != null ? items : c.quick ? 2000 : 50_000,
                    runs != null ? runs : c.quick ? 1 : 3);
        }
    }

    @Command(name = "footprint", mixinStandardHelpOptions = true, description = "terminal heap and file size with many invoices; server heap at 200 terminals")
    static final class Footprint implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--invoices", description = "local invoices (default 100000; --quick 5000)")
        Integer invoices;
        @Option(names = "--generate-seconds", description = "time box for recording them through the engine (default 600)")
        int generateSeconds = 600;
        @Option(names = "--terminals", description = "fleet size for the server heap figure (default 200; --quick 20)")
        Integer terminals;

        @Override
        public Integer call() throws Exception {
            int n = terminals != null ? terminals : common.quick ? 20 : 200;
            FleetBench.Options fo = new FleetBench.Options(common.work(), List.of(n), common.quick ? 3 : 10, 2000, 0.05, 8000, 500, 0, null);
            var fleet = new FleetBench().run(fo);
            return print(new FootprintBench().run(options(common, invoices, generateSeconds), fleet, n));
        }

        static FootprintBench.Options options(Common c, Integer invoices, int generateSeconds) throws java.io.IOException {
            return new FootprintBench.Options(c.work(), invoices != null ? invoices : c.quick ? 5000 : 100_000, Duration.ofSeconds(generateSeconds));
        }
    }

    @Command(name = "storm", mixinStandardHelpOptions = true, description = "a regional outage ends: every till pushes its offline backlog at once, vs the raw PostgreSQL ceiling")
    static final class Storm implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--tills", split = ",", description = "fleet sizes (default 200,400; --quick 10)")
        List<Integer> tills;
        @Option(names = "--invoices", description = "offline invoices per till (default 250; --quick 20)")
        Integer invoices;
        @Option(names = "--rows", description = "sync_rows_per_request of the devices (default 100)")
        int rows = 100;
        @Option(names = "--popular", description = "items every basket draws from: the hot stock rows (default 20)")
        int popular = 20;
        @Option(names = "--spread-ms", description = "the tills reconnect at random within this many ms (default 1000)")
        int spreadMs = 1000;

        @Override
        public Integer call() throws Exception {
            dev.tillsync.bench.storm.StormBench.Options o;
            try {
                o = options(common, this);
            } catch (IllegalArgumentException e) {
                System.err.println("bench storm: " + e.getMessage());
                return 2;
            }
            return print(new dev.tillsync.bench.storm.StormBench().run(o));
        }

        static dev.tillsync.bench.storm.StormBench.Options options(Common c, Storm s) throws java.io.IOException {
            return new dev.tillsync.bench.storm.StormBench.Options(c.work(), s.tills != null ? s.tills : c.quick ? List.of(10) : List.of(200, 400),
                    s.invoices != null ? s.invoices : c.quick ? 20 : 250, s.rows, c.rounds(3, 1), s.popular, s.spreadMs);
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true, description = "every benchmark in turn (use --quick for CI)")
    static final class All implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--plot", description = "PNG of fleet latency (default docs/fleet-latency.png)")
        Path plot = Path.of("docs/fleet-latency.png");

        @Override
        public Integer call() throws Exception {
            Path work = common.work();
            common.work = work;
            print(new SaleCommitBench().run(SaleCommit.options(common, null)));
            print(new CatchUpBench().run(CatchUp.options(common, null, List.of(100, 500, 2000), 600, null)));
            Fleet f = new Fleet();
            f.plot = plot;
            FleetBench.Options fo = Fleet.options(common, f);
            var fleet = new FleetBench().run(fo);
            print(fleet);
            print(new PullBench().run(Pull.options(common, null)));
            print(new dev.tillsync.bench.catalog.ImportBench().run(Import.options(common, null, null)));
            int size = fo.levels().contains(200) ? 200 : fo.levels().get(fo.levels().size() - 1);
            print(new FootprintBench().run(Footprint.options(common, null, 600), fleet, size));
            print(new dev.tillsync.bench.storm.StormBench().run(Storm.options(common, new Storm())));
            return 0;
        }
    }
}
