package dev.tillsync.reliability.crash;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.env.FreePort;
import dev.tillsync.reliability.env.LocalPostgres;
import dev.tillsync.reliability.faults.RoundRobinProxy;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * kill -9 of real server processes (ServerMain in child JVMs) while a terminal keeps selling and pushing small
 * batches, against one PostgreSQL that stays up. Either one server that is killed and restarted, or two behind a
 * round-robin proxy where one at a time is killed while the other serves on.
 */
public final class ServerCrashRun {
    private static final String SERVER_MAIN = "dev.tillsync.server.ServerMain";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final LocalPostgres pg;
    private final Path workDir;
    private final String classpath;
    private final PrintStream log;

    public ServerCrashRun(LocalPostgres pg, Path workDir, String classpath, PrintStream log) {
        this.pg = pg;
        this.workDir = workDir;
        this.classpath = classpath;
        this.log = log;
    }

    /** One server process on a fixed port, restartable. */
    private final class Instance {
        final int port;
        final String jdbcUrl;
        final Path dataDir;
        ChildJvm child;
        final StringBuilder lastOutput = new StringBuilder();

        Instance(String jdbcUrl, int index) throws IOException {
            this.port = FreePort.any();
            this.jdbcUrl = jdbcUrl;
            this.dataDir = Files.createDirectories(workDir.resolve("server-" + index + "-" + port));
        }

        void start() {
            synchronized (lastOutput) {
                lastOutput.setLength(0);
            }
            java.util.function.Consumer<String> keep = l -> {
                synchronized (lastOutput) {
                    if (lastOutput.length() < 20_000) lastOutput.append(l).append('\n');
                }
            };
            child = ChildJvm.start(classpath, List.of(), SERVER_MAIN,
                    List.of("--db", jdbcUrl, "--port", String.valueOf(port), "--data", dataDir.toString()), keep, keep);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!healthy()) {
                if (!child.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("server on port " + port + " did not come up: " + lastOutput);
                }
                sleep(50);
            }
        }

        boolean healthy() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).timeout(Duration.ofMillis(500))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void kill() {
            if (child != null) child.kill();
        }
    }

    public CrashFigures run(int servers, int kills, long seed) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byPoint = new TreeMap<>();
        String url = pg.newDatabase("server_crash");
        ServerLedger ledger = ServerLedger.over(url);
        DemoDevices.NewDevice dev;
        // Seed and create the device in-process on the same database, then leave serving to the child processes.
        try (TillServer admin = TillServer.start(new ServerOptions(Files.createDirectories(workDir.resolve("admin")), url, 0))) {
            admin.admin().seedDemo();
            dev = DemoDevices.create(admin, "CRASH-S", 5);
        }
        String scenario = servers == 1 ? "server kill -9 (one server)" : "server kill -9 (" + servers + " servers behind round-robin)";
        log.println(scenario + ": seed " + seed + ", " + kills + " kills, device " + dev.posId());
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < servers; i++) instances.add(new Instance(url, i));
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Path data = workDir.resolve(dev.posId());
        TerminalOptions opts = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(3), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
        AtomicBoolean selling = new AtomicBoolean(true);
        AtomicReference<Throwable> sellerFailure = new AtomicReference<>();
        try (RoundRobinProxy lb = new RoundRobinProxy(instances.stream().map(x -> x.port).toList());
             PosTerminal pos = PosTerminal.open(data, opts)) {
            instances.forEach(Instance::start);
            pos.link(lb.baseUrl(), dev.linkCode(), "server crash till");
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            pos.openShift(10_000, null);
            Thread seller = new Thread(() -> {
                SaleScript script = new SaleScript(seed);
                try {
                    for (int i = 1; selling.get(); i++) {
                        confirmed.add(pos.recordSale(SaleScript.request(pos, script.next())).number());
                        if (i % 2 == 0) pos.syncNow(); // keep a push in flight almost all the time
                        sleep(15);
                    }
                } catch (Throwable t) {
                    sellerFailure.set(t);
                }
            }, "crash-seller");
            seller.start();
            for (int k = 0; k < kills; k++) {
                sleep(200 + random.nextInt(900));
                Instance victim = instances.get(random.nextInt(instances.size()));
                boolean midPush = pos.status().syncing() > 0;
                byPoint.merge(midPush ? "mid-ingest" : "between pushes", 1, Integer::sum);
                victim.kill();
                if (servers > 1) {
                    sleep(random.nextInt(400)); // the other server serves alone for a while
                }
                victim.start();
            }
            selling.set(false);
            seller.join(30_000);
            if (sellerFailure.get() != null) violations.add("selling failed while servers died: " + sellerFailure.get());
            SyncSummary last = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                last = pos.syncNow().get(120, TimeUnit.SECONDS);
                if (last.completed() && pos.status().pending() == 0 && pos.status().syncing() == 0) break;
            }
            if (last == null || !last.completed() || pos.status().pending() + pos.status().syncing() != 0) {
                violations.add("outbox did not drain after the kills: " + pos.status() + " / " + (last == null ? "" : last.error()));
            }
        } finally {
            instances.forEach(Instance::kill);
        }
        EndState.Verdict v = EndState.check(dev.posId(), new TerminalLedger(data), ledger, confirmed);
        violations.addAll(v.violations());
        Map<String, Long> half = ledger.halfWritten();
        if (!half.isEmpty()) violations.add("half-written rows on the server: " + half);
        CrashFigures f = new CrashFigures(scenario, seed, kills, byPoint, v, violations, Duration.ofNanos(System.nanoTime() - started));
        log.println(f.line());
        violations.forEach(x -> log.println("VIOLATION " + x));
        return f;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
