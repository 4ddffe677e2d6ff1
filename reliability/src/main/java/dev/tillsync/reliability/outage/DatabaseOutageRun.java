package dev.tillsync.reliability.outage;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.SyncAnswerKind;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.env.StoppablePostgres;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PostgreSQL stopped under a running server while tills sell and sync, then started again: the server must answer
 * quickly while it is away (503, never a 30 s hang or a 500), serve again by itself once it is back, and in the end
 * hold every sale once. The server runs on {@code --db} (the production shape: the database is someone else's
 * process); the tills are real terminal engines on real SQLite files, syncing over real HTTP.
 */
public final class DatabaseOutageRun {
    /** A sync or health answer slower than this while the database is away is a violation: the server must not hang. */
    public static final Duration QUICK = Duration.ofSeconds(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path workDir;
    private final PrintStream log;

    public DatabaseOutageRun(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    private record Answer(long atNanos, long tookNanos, String kind) {}

    public OutageFigures run(int tills, Duration outage, long seed) throws Exception {
        long started = System.nanoTime();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<EndState.Verdict> verdicts = new ArrayList<>();
        AtomicBoolean selling = new AtomicBoolean(true);
        AtomicReference<Throwable> sellerFailure = new AtomicReference<>();
        long downFrom;
        long downUntil;
        long healthyAt;
        try (StoppablePostgres pg = StoppablePostgres.start(Files.createDirectories(workDir.resolve("pg")));
             TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(workDir.resolve("server")), pg.jdbcUrl(), 0))) {
            server.admin().seedDemo();
            ServerLedger ledger = ServerLedger.over(pg.jdbcUrl());
            TerminalOptions opts = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(3), Duration.ofMillis(500),
                    Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60));
            List<PosTerminal> terminals = new ArrayList<>();
            List<DemoDevices.NewDevice> devices = new ArrayList<>();
            List<Set<String>> confirmed = new ArrayList<>();
            List<Thread> sellers = new ArrayList<>();
            try {
                for (int t = 0; t < tills; t++) {
                    DemoDevices.NewDevice dev = DemoDevices.create(server, "DBAWAY", 5);
                    terminals.add(DemoDevices.openSelling(server, dev, workDir, opts, "database outage till " + (t + 1)));
                    devices.add(dev);
                    confirmed.add(ConcurrentHashMap.newKeySet());
                }
                for (int t = 0; t < tills; t++) {
                    PosTerminal pos = terminals.get(t);
                    Set<String> mine = confirmed.get(t);
                    long tillSeed = seed + t;
                    Thread seller = new Thread(() -> {
                        SaleScript script = new SaleScript(tillSeed);
                        try {
                            for (int i = 1; selling.get(); i++) {
                                mine.add(pos.recordSale(SaleScript.request(pos, script.next())).number());
                                if (i % 3 == 0) {
                                    long t0 = System.nanoTime();
                                    SyncSummary s = pos.syncNow().get(120, TimeUnit.SECONDS);
                                    answers.add(new Answer(t0, System.nanoTime() - t0, SyncAnswerKind.of(s)));
                                }
                                Thread.sleep(20);
                            }
                        } catch (Throwable e) {
                            sellerFailure.compareAndSet(null, e);
                        }
                    }, "outage-seller-" + t);
                    sellers.add(seller);
                    seller.start();
                }
                Thread prober = Thread.ofVirtual().start(() -> {
                    while (selling.get()) {
                        long t0 = System.nanoTime();
                        String h = health(server.baseUrl());
                        answers.add(new Answer(t0, System.nanoTime() - t0, "health " + h));
                        long c0 = System.nanoTime();
                        String page = consolePage(server.baseUrl());
                        answers.add(new Answer(c0, System.nanoTime() - c0, "console " + page));
                        sleep(100);
                    }
                });
                sleep(2_000);
                log.println("database away: stopping PostgreSQL for " + outage.toSeconds() + " s under " + tills + " selling tills");
                downFrom = System.nanoTime();
                pg.stop();
                sleep(outage.toMillis());
                pg.startAgain();
                downUntil = System.nanoTime();
                healthyAt = waitHealthy(server.baseUrl(), Duration.ofSeconds(60));
                if (healthyAt < 0) violations.add("the server did not answer healthy within 60 s of PostgreSQL coming back");
                sleep(2_000); // sales and syncs after the outage, with the backlog it left
                selling.set(false);
                for (Thread s : sellers) s.join(60_000);
                prober.join(5_000);
                if (sellerFailure.get() != null) violations.add("selling failed while the database was away: " + sellerFailure.get());
                for (int t = 0; t < tills; t++) drain(terminals.get(t), violations);
            } finally {
                selling.set(false);
                for (PosTerminal p : terminals) p.close();
            }
            for (int t = 0; t < tills; t++) {
                EndState.Verdict v = EndState.check(devices.get(t).posId(), new TerminalLedger(workDir.resolve(devices.get(t).posId())), ledger,
                        confirmed.get(t));
                verdicts.add(v);
                violations.addAll(v.violations());
            }
            Map<String, Long> half = ledger.halfWritten();
            if (!half.isEmpty()) violations.add("half-written rows on the server: " + half);
        }
        // what the server answered while PostgreSQL was down (a call that started then, wherever it ended)
        Map<String, Long> kinds = new TreeMap<>();
        List<Long> took = new ArrayList<>();
        synchronized (answers) {
            for (Answer a : answers) {
                if (a.atNanos() < downFrom || a.atNanos() > downUntil) continue;
                kinds.merge(a.kind(), 1L, Long::sum);
                took.add(a.tookNanos());
                if (a.kind().contains("internal_error") || a.kind().contains("server_error")) {
                    violations.add("a 500 while the database was away: " + a.kind());
                }
            }
        }
        Collections.sort(took);
        Duration slowest = took.isEmpty() ? Duration.ZERO : Duration.ofNanos(took.get(took.size() - 1));
        if (took.isEmpty()) violations.add("no sync or health answer was measured while the database was away");
        if (slowest.compareTo(QUICK) > 0) violations.add("an answer took " + slowest.toMillis() + " ms while the database was away (limit " + QUICK.toMillis() + " ms)");
        OutageFigures f = new OutageFigures(outage, tills, kinds, pct(took, 50), pct(took, 99), slowest,
                healthyAt < 0 ? Duration.ofSeconds(-1) : Duration.ofNanos(healthyAt - downUntil), verdicts, List.copyOf(violations),
                Duration.ofNanos(System.nanoTime() - started));
        log.println(f.line());
        f.violations().forEach(x -> log.println("VIOLATION " + x));
        return f;
    }


    private static String health(String baseUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Integer.toString(r.statusCode());
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * A console page as a signed-in manager's browser asks for it (the session cookie makes the console look the
     * session up in the database): its status, "503 page" when it is the outage page a person can read.
     */
    private static String consolePage(String baseUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/console/devices"))
                    .header("Cookie", "tillsync_console=a-session-the-database-would-check").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean page = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                    && r.body().contains("cannot reach its database");
            return r.statusCode() + (r.statusCode() == 503 && page ? " page" : "");
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static long waitHealthy(String baseUrl, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (health(baseUrl).equals("200")) return System.nanoTime();
            sleep(50);
        }
        return -1;
    }

    private static void drain(PosTerminal pos, List<String> violations) throws Exception {
        SyncSummary last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            last = pos.syncNow().get(120, TimeUnit.SECONDS);
            if (last.completed() && pos.status().pending() == 0 && pos.status().syncing() == 0) return;
            sleep(500);
        }
        violations.add("outbox did not drain after the outage: " + pos.status() + " / " + (last == null ? "" : last.error()));
    }

    private static Duration pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return Duration.ZERO;
        return Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
