package dev.tillsync.bench.storm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.bench.catchup.RawPostgresCeiling;
import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.DeviceHttp;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.env.SaleFactory;
import dev.tillsync.bench.env.ServerSampler;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.Stats;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.terminal.Item;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reconnect storm: a regional outage ends and every till of a fleet, each holding the same number of offline
 * invoices of the same few popular items (so the stock rows are hot), reconnects within one second and pushes its
 * backlog. Each fleet size runs on a fresh copy of one server snapshot, interleaved round by round with the raw
 * PostgreSQL batch ceiling of the same invoices on another fresh copy.
 */
public final class StormBench {
    /**
     * @param fleets          fleet sizes, each run in turn (e.g. 200, 400)
     * @param invoicesPerTill offline invoices each till holds (5 lines, 2 payments, the bench basket)
     * @param rowsPerRequest  the devices' sync_rows_per_request
     * @param popularItems    how many items every basket draws from (the hot stock rows)
     * @param spreadMs        the tills reconnect at random within this many milliseconds
     */
    public record Options(Path work, List<Integer> fleets, int invoicesPerTill, int rowsPerRequest, int rounds, int popularItems,
                          int spreadMs) {
        public Options {
            fleets = List.copyOf(fleets);
            if (fleets.isEmpty() || fleets.stream().anyMatch(n -> n < 1)) throw new IllegalArgumentException("--tills needs fleet sizes of at least 1 (got " + fleets + ")");
            if (invoicesPerTill < 1) throw new IllegalArgumentException("--invoices must be at least 1 (got " + invoicesPerTill + ")");
            if (rowsPerRequest < 1) throw new IllegalArgumentException("--rows must be at least 1 (got " + rowsPerRequest + ")");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1 (got " + rounds + ")");
            if (popularItems < SaleFactory.LINES) throw new IllegalArgumentException("--popular must be at least " + SaleFactory.LINES
                    + " (a basket has " + SaleFactory.LINES + " different items; got " + popularItems + ")");
            if (spreadMs < 0) throw new IllegalArgumentException("--spread-ms must not be negative (got " + spreadMs + ")");
        }
    }

    /** One storm's figures. */
    record Storm(double drainSeconds, double p50, double p99, int errors, String firstError, int unavailable,
                 double heapPeakMb, int pgConnMax, double jvmCpuPct, double pgCpuPct) {}

    private static final ObjectMapper JSON = DeviceHttp.json();

    public BenchReport run(Options o) throws Exception {
        Path dir = o.work().resolve("storm");
        Folders.delete(dir);
        int max = o.fleets().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Snapshot snap = snapshot(dir.resolve("template"), max, o);
        BenchReport report = new BenchReport("storm");
        TextTable t = new TextTable("reconnect storm: every till holds " + o.invoicesPerTill() + " offline invoices (5 lines, 2 payments, "
                + "drawn from " + o.popularItems() + " popular items), all reconnect within " + o.spreadMs() + " ms; "
                + o.rowsPerRequest() + " rows/request; " + o.rounds() + " interleaved round(s), fresh server each time",
                "tills", "invoices", "drain s (median)", "invoices/s", "ceiling inv/s", "ours ÷ ceiling", "errors", "503s",
                "push p50 ms", "push p99 ms", "heap peak MB", "PG conns max", "JVM CPU %", "PG CPU %");
        for (int n : o.fleets()) {
            List<StormTill> tills = snap.tills().subList(0, n);
            int invoices = n * o.invoicesPerTill();
            List<SyncRow> ceilingRows = snap.ceilingRows().subList(0, invoices);
            List<InvoicePayload> ceilingParsed = RawPostgresCeiling.parse(ceilingRows);
            List<Double> ours = new ArrayList<>(), ceiling = new ArrayList<>(), ratio = new ArrayList<>();
            List<Storm> storms = new ArrayList<>();
            for (int round = 0; round < o.rounds(); round++) {
                Storm s = storm(snap, dir.resolve("run"), tills, o);
                double c = ceiling(snap, dir.resolve("run"), ceilingParsed, ceilingRows);
                storms.add(s);
                ours.add(s.drainSeconds());
                ceiling.add(c);
                ratio.add(c / s.drainSeconds());
            }
            Storm med = storms.get(storms.size() / 2);
            double drain = Stats.median(ours);
            t.row(n, invoices, drain, invoices / drain, invoices / Stats.median(ceiling), Stats.median(ratio),
                    storms.stream().mapToInt(Storm::errors).sum(), storms.stream().mapToInt(Storm::unavailable).sum(),
                    Stats.median(storms.stream().map(Storm::p50).toList()), Stats.median(storms.stream().map(Storm::p99).toList()),
                    storms.stream().mapToDouble(Storm::heapPeakMb).max().orElse(Double.NaN),
                    storms.stream().mapToInt(Storm::pgConnMax).max().orElse(0), med.jvmCpuPct(), med.pgCpuPct());
            report.figure(n + ".drainSeconds", drain).figure(n + ".invoicesPerSec", invoices / drain)
                    .figure(n + ".vsCeiling", Stats.median(ratio)).figure(n + ".errors", storms.stream().mapToInt(Storm::errors).sum())
                    .figure(n + ".p99ms", Stats.median(storms.stream().map(Storm::p99).toList()));
            storms.stream().map(Storm::firstError).filter(e -> e != null).findFirst()
                    .ifPresent(e -> report.note(n + " tills, first error: " + e));
        }
        Folders.delete(dir.resolve("run"));
        report.table(t);
        report.note("ours = simulated tills (plain HTTP clients, one virtual thread each, their backlog encoded before the clock) pushing "
                + "to a real TillServer on embedded PostgreSQL; drain = from the first till's reconnect to the last till's last answer; "
                + "every invoice verified on the server afterwards (count and outcome).");
        report.note("ceiling = the same invoices into plain tables with the server's keys (sync status, invoice, lines, payments, stock "
                + "ledger, stock level), one connection, JDBC batches with reWriteBatchedInserts, commit every 500 invoices.");
        report.note("a 503 is the server shedding load (the till waits 200-500 ms and resends; counted apart from errors). "
                + "Server and tills share one JVM: heap peak and JVM CPU are that whole process (the tills' encoded backlog is "
                + String.format(Locale.ROOT, "%.0f", snap.encodedMb()) + " MB of it); 100% CPU = one core of 2.");
        report.note("target: ours ≥ 0.60 of the ceiling, 0 errors.");
        return report;
    }

    /** A stopped server with {@code n} linked devices, and each device's backlog encoded as push bodies. */
    private record Snapshot(Path serverDir, List<StormTill> tills, List<String> secrets, List<SyncRow> ceilingRows, double encodedMb) {}

    private Snapshot snapshot(Path dir, int n, Options o) throws Exception {
        Path serverDir = dir.resolve("server");
        List<StormTill> tills = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        List<SyncRow> ceilingRows = new ArrayList<>();
        long bytes = 0;
        try (BenchServer server = BenchServer.startSeeded(serverDir)) {
            server.stockEveryItem(Math.max(1_000_000L, (long) n * o.invoicesPerTill() * 20));
            List<Item> popular = server.server().services().jdbi().withHandle(h ->
                    server.server().services().catalog().items(h, Catalog.DEFAULT_PRICE_LIST, BenchServer.demoItemCodes()).values()
                            .stream().filter(i -> "unit".equals(i.unit())).limit(o.popularItems()).map(StormBench::item).toList());
            HttpClient http = DeviceHttp.newClient();
            long globalSeq = 0;
            Instant start = Instant.now().minusSeconds(3 * 3600);
            for (int i = 1; i <= n; i++) {
                String posId = String.format("STM-%04d", i);
                server.createDevice(posId, o.rowsPerRequest());
                DeviceHttp d = DeviceHttp.link(http, server.baseUrl(), server.admin().issueLinkCode(posId));
                DeviceView view = server.admin().showDevice(posId);
                SaleFactory f = new SaleFactory(popular, i);
                String shift = UUID.randomUUID().toString();
                List<SyncRow> rows = new ArrayList<>();
                for (int k = 1; k <= o.invoicesPerTill(); k++) {
                    Instant at = start.plusSeconds(k * 20L);
                    InvoicePayload inv = f.next().invoice(dev.tillsync.core.invoice.NumberingSeries.invoices(view.invoiceSeries()).format(k),
                            at, BenchServer.CASHIER, shift, view.profilePlk(), true);
                    SyncRow row = new SyncRow(UUID.randomUUID().toString(), k, RowKind.INVOICE, at, JSON.valueToTree(inv));
                    rows.add(row);
                    ceilingRows.add(new SyncRow(row.uuid(), ++globalSeq, row.kind(), row.createdAt(), row.payload()));
                }
                List<byte[]> bodies = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                for (int b = 0; b < rows.size(); b += o.rowsPerRequest()) {
                    List<SyncRow> batch = rows.subList(b, Math.min(rows.size(), b + o.rowsPerRequest()));
                    byte[] body = JSON.writeValueAsBytes(new PushBatch(posId, view.profilePlk(), batch));
                    bytes += body.length;
                    bodies.add(body);
                    sizes.add(batch.size());
                }
                tills.add(new StormTill(d, bodies, sizes));
                secrets.add(d.secret());
            }
        }
        return new Snapshot(serverDir, tills, secrets, ceilingRows, bytes / 1048576.0);
    }

    private static Item item(ItemData d) {
        return new Item(d.code(), d.name(), d.barcodes(), d.priceMinor(), d.taxRateBp(), true, null, d.unit(), d.pricesIncludeTax());
    }

    private Storm storm(Snapshot snap, Path run, List<StormTill> tills, Options o) throws Exception {
        Folders.delete(run);
        Folders.copy(snap.serverDir(), run.resolve("server"));
        try (BenchServer server = BenchServer.start(run.resolve("server"))) {
            HttpClient http = DeviceHttp.newClient();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger(), unavailable = new AtomicInteger();
            List<String> errorTexts = Collections.synchronizedList(new ArrayList<>());
            AtomicLong lastAnswer = new AtomicLong();
            StormTill.Sink sink = new StormTill.Sink() {
                @Override
                public void pushed(long nanos, int rows) {
                    latencies.add(nanos);
                }

                @Override
                public void unavailable() {
                    unavailable.incrementAndGet();
                }

                @Override
                public void error(String what) {
                    errors.incrementAndGet();
                    if (errorTexts.size() < 5) errorTexts.add(what);
                }
            };
            System.gc();
            ServerSampler sampler = new ServerSampler(server, "storm-sampler");
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            CountDownLatch gate = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < tills.size(); i++) {
                StormTill till = tills.get(i).on(new DeviceHttp(http, server.baseUrl(), tills.get(i).posId(), snap.secrets().get(i)));
                Random random = new Random(i);
                int delay = o.spreadMs() <= 0 ? 0 : random.nextInt(o.spreadMs());
                Thread th = Thread.ofVirtual().name("storm-" + till.posId()).unstarted(() -> {
                    try {
                        gate.await();
                        Thread.sleep(delay);
                        long end = till.drain(sink, random);
                        if (end > 0) lastAnswer.accumulateAndGet(end, Math::max);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        sink.error(till.posId() + ": " + e);
                    }
                });
                threads.add(th);
                th.start();
            }
            long cpu0 = os.getProcessCpuTime(), pg0 = server.postgresCpuNanos();
            sampler.start();
            long t0 = System.nanoTime();
            gate.countDown();
            for (Thread th : threads) th.join();
            double secs = (lastAnswer.get() - t0) / 1e9;
            double wall = (System.nanoTime() - t0);
            long cpu = os.getProcessCpuTime() - cpu0, pg1 = server.postgresCpuNanos();
            sampler.stop();
            long expected = tills.stream().mapToLong(StormTill::rows).sum();
            long onServer = server.server().services().jdbi().withHandle(h ->
                    h.createQuery("select count(*) from sales_invoice").mapTo(Long.class).one());
            if (onServer != expected) {
                errors.incrementAndGet();
                errorTexts.add(0, "the server holds " + onServer + " invoices after the storm, expected " + expected);
            }
            long[] lat = latencies.stream().mapToLong(Long::longValue).toArray();
            return new Storm(secs, Stats.percentileMs(lat, 50), Stats.percentileMs(lat, 99), errors.get(),
                    errorTexts.isEmpty() ? null : errorTexts.get(0), unavailable.get(), sampler.heapPeakMb(), sampler.pgConnMax(),
                    100.0 * cpu / wall, pg0 < 0 || pg1 < 0 ? Double.NaN : 100.0 * (pg1 - pg0) / wall);
        }
    }

    private double ceiling(Snapshot snap, Path run, List<InvoicePayload> parsed, List<SyncRow> rows) throws Exception {
        Folders.delete(run);
        Folders.copy(snap.serverDir(), run.resolve("server"));
        try (BenchServer server = BenchServer.start(run.resolve("server")); Connection c = RawPostgresCeiling.connect(server.dir())) {
            RawPostgresCeiling.createTables(c);
            return RawPostgresCeiling.insert(c, parsed, rows, 500);
        }
    }
}
