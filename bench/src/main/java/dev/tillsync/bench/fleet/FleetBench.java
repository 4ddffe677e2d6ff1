package dev.tillsync.bench.fleet;

import com.sun.management.OperatingSystemMXBean;
import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.DeviceHttp;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.env.ServerSampler;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.Stats;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.server.device.DeviceView;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many simulated terminals against one server (embedded PostgreSQL), level by level: pushes/s, push latency
 * percentiles, errors, CPU, heap and PostgreSQL connections, and a latency-vs-fleet-size plot.
 */
public final class FleetBench {
    public record Options(Path work, List<Integer> levels, int secondsPerLevel, long meanSaleMs, double offlineChance,
                          long offlineMaxMs, int rowsPerRequest, int warmupSeconds, Path plot) {}

    /** One level's figures. */
    public record Level(int terminals, long pushes, long rows, double seconds, double p50, double p95, double p99, int errors,
                        String firstError, double jvmCpuPct, double pgCpuPct, double heapPeakMb,
                        double heapAfterGcMb, int pgConnMax) {}

    public BenchReport run(Options o) throws Exception {
        Path dir = o.work().resolve("fleet");
        Folders.delete(dir);
        List<Level> levels = new ArrayList<>();
        try (BenchServer server = BenchServer.startSeeded(dir.resolve("server"))) {
            List<ItemData> items = server.server().services().jdbi().withHandle(h ->
                    new ArrayList<>(server.server().services().catalog().items(h, dev.tillsync.server.catalog.Catalog.DEFAULT_PRICE_LIST, BenchServer.demoItemCodes()).values()));
            int max = o.levels().stream().mapToInt(Integer::intValue).max().orElse(0);
            HttpClient http = DeviceHttp.newClient();
            List<SimTerminal> tills = new ArrayList<>();
            for (int i = 1; i <= max; i++) {
                String posId = String.format("FLT-%04d", i);
                server.createDevice(posId, o.rowsPerRequest());
                DeviceHttp d = DeviceHttp.link(http, server.baseUrl(), server.admin().issueLinkCode(posId));
                DeviceView view = server.admin().showDevice(posId);
                tills.add(new SimTerminal(d, view.profilePlk(), view.invoiceSeries(), items, o.rowsPerRequest(), i));
            }
            if (o.warmupSeconds() > 0 && !o.levels().isEmpty()) {
                level(server, tills.subList(0, o.levels().get(0)), o, o.warmupSeconds());
            }
            for (int n : o.levels()) levels.add(level(server, tills.subList(0, n), o, o.secondsPerLevel()));
        }
        BenchReport report = new BenchReport("fleet");
        TextTable t = new TextTable("fleet: " + o.secondsPerLevel() + " s per level then catch-up; each till sells every ~" + o.meanSaleMs()
                + " ms (exponential), goes offline with p=" + o.offlineChance() + " per sale for up to " + o.offlineMaxMs() / 1000.0
                + " s; " + o.rowsPerRequest() + " rows/request",
                "terminals", "pushes", "rows", "pushes/s", "p50 ms", "p95 ms", "p99 ms", "errors", "JVM CPU %",
                "PostgreSQL CPU %", "heap peak MB", "heap after GC MB", "PG conns max");
        List<LatencyPlot.Point> points = new ArrayList<>();
        for (Level l : levels) {
            t.row(l.terminals(), l.pushes(), l.rows(), l.pushes() / l.seconds(), l.p50(), l.p95(), l.p99(), l.errors(), l.jvmCpuPct(),
                    l.pgCpuPct(), l.heapPeakMb(), l.heapAfterGcMb(), l.pgConnMax());
            points.add(new LatencyPlot.Point(l.terminals(), l.p50(), l.p95(), l.p99()));
            report.figure(l.terminals() + ".pushesPerSec", l.pushes() / l.seconds()).figure(l.terminals() + ".p99ms", l.p99())
                    .figure(l.terminals() + ".errors", l.errors()).figure(l.terminals() + ".heapAfterGcMb", l.heapAfterGcMb())
                    .figure(l.terminals() + ".heapPeakMb", l.heapPeakMb());
            if (l.firstError() != null) report.note(l.terminals() + " terminals, first error: " + l.firstError());
        }
        report.table(t);
        if (o.plot() != null) {
            LatencyPlot.write(o.plot(), "tillsync push latency vs fleet size", points);
            report.note("plot: " + o.plot());
        }
        report.note("before the levels, a warm-up of " + o.warmupSeconds() + " s at the first level (not reported).");
        report.note("server, simulated tills and the bench share one JVM (the tills are plain HTTP clients, one virtual thread each, "
                + "and the server serves each request on a virtual thread too, so both run on the same carrier threads and their CPU "
                + "cannot be told apart): 'JVM CPU %' is that whole process; 100% = one core of 2. "
                + "PostgreSQL CPU is the embedded postmaster and its backends, from /proc.");
        report.note("heap peak = largest used heap sampled every 250 ms during the level; heap after GC = used heap after System.gc() "
                + "at the end of the level (server live set plus the idle tills). PG conns = client backends in pg_stat_activity, max of samples.");
        return report;
    }

    private Level level(BenchServer server, List<SimTerminal> devices, Options o, int seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong rows = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorTexts = Collections.synchronizedList(new ArrayList<>());
        SimTerminal.Sink sink = new SimTerminal.Sink() {
            @Override
            public void push(long nanos, int n) {
                latencies.add(nanos);
                rows.addAndGet(n);
            }

            @Override
            public void error(String what) {
                errors.incrementAndGet();
                if (errorTexts.size() < 5) errorTexts.add(what);
            }
        };
        System.gc();
        ServerSampler sampler = new ServerSampler(server, "fleet-sampler");
        long cpu0 = os.getProcessCpuTime(), pg0 = server.postgresCpuNanos(), t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        sampler.start();
        List<Thread> tills = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            SimTerminal till = devices.get(i);
            // A virtual thread per till: 800 simulated tills cost a few MB of stacks, not 800 platform threads.
            Thread th = Thread.ofVirtual().name("till-" + till.posId()).unstarted(() -> {
                try {
                    till.run(end, o.meanSaleMs(), o.offlineChance(), o.offlineMaxMs(), sink);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    sink.error(till.posId() + ": " + e);
                }
            });
            tills.add(th);
            th.start();
        }
        for (Thread th : tills) th.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        long pg1 = server.postgresCpuNanos();
        sampler.stop();
        System.gc();
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] lat = latencies.stream().mapToLong(Long::longValue).toArray();
        double wallNanos = secs * 1e9;
        return new Level(devices.size(), lat.length, rows.get(), secs, Stats.percentileMs(lat, 50), Stats.percentileMs(lat, 95),
                Stats.percentileMs(lat, 99), errors.get(), errorTexts.isEmpty() ? null : errorTexts.get(0),
                100.0 * cpu / wallNanos, pg0 < 0 || pg1 < 0 ? Double.NaN : 100.0 * (pg1 - pg0) / wallNanos,
                sampler.heapPeakMb(), heapAfter / 1048576.0, sampler.pgConnMax());
    }

}
