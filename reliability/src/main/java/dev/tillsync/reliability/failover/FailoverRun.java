package dev.tillsync.reliability.failover;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.SyncAnswerKind;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.env.ReplicatedPostgres;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database fails over (issue 20 item 1): a server on a multi-host {@code --db} URL ({@code targetServerType=primary})
 * over a PostgreSQL primary with a streaming standby; tills come back from an outage with offline invoices and
 * push all at once (a reconnect storm); the primary is killed (-9) in the middle and the standby promoted. The
 * server finds the new primary by itself; tills resend what was not answered, and what the standby missed (only
 * possible with asynchronous replication) they resend when the server says it holds less than they synced.
 */
public final class FailoverRun {

    private final Path workDir;
    private final PrintStream log;

    public FailoverRun(Path workDir, PrintStream log) {
        this.workDir = workDir;
        this.log = log;
    }

    public FailoverFigures run(ReplicatedPostgres.Mode mode, int tills, int invoicesPerTill, long seed) throws Exception {
        long started = System.nanoTime();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> duringOutage = new ConcurrentHashMap<>();
        List<EndState.Verdict> verdicts = new ArrayList<>();
        long onServerAtKill;
        long lostByDatabase = 0;
        Duration outage;
        Duration afterPromotion;
        try (ReplicatedPostgres pg = ReplicatedPostgres.start(Files.createDirectories(workDir.resolve("pg")), mode);
             TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(workDir.resolve("server")), pg.jdbcUrl(), 0))) {
            server.admin().seedDemo();
            ServerLedger ledger = ServerLedger.over(pg.jdbcUrl());
            TerminalOptions opts = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
            List<DemoDevices.NewDevice> devices = new ArrayList<>();
            List<PosTerminal> terminals = new ArrayList<>();
            List<Set<String>> confirmed = new ArrayList<>();
            try {
                for (int t = 0; t < tills; t++) {
                    DemoDevices.NewDevice dev = DemoDevices.create(server, "FAILOVER", 5);
                    PosTerminal pos = DemoDevices.openSelling(server, dev, workDir, opts, "failover till " + (t + 1));
                    devices.add(dev);
                    terminals.add(pos);
                    SaleScript script = new SaleScript(seed * 17 + t);
                    Set<String> mine = new HashSet<>();
                    for (int i = 0; i < invoicesPerTill; i++) mine.add(pos.recordSale(SaleScript.request(pos, script.next())).number());
                    confirmed.add(mine);
                }
                int total = tills * invoicesPerTill;
                log.println("failover (" + mode + "): " + tills + " tills reconnect with " + total + " offline invoices; the primary dies mid-storm");
                AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE), promotedAt = new AtomicLong(Long.MAX_VALUE), backAt = new AtomicLong(Long.MAX_VALUE);
                AtomicInteger paused = new AtomicInteger(); // 1 while the run takes its measurement at the promotion
                AtomicInteger inFlight = new AtomicInteger();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                List<Thread> storm = new ArrayList<>();
                for (PosTerminal pos : terminals) {
                    Thread th = new Thread(() -> {
                        try {
                            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                            while (System.nanoTime() < deadline) {
                                if (paused.get() == 1) {
                                    Thread.sleep(10);
                                    continue;
                                }
                                inFlight.incrementAndGet();
                                long t0 = System.nanoTime();
                                SyncSummary s;
                                try {
                                    s = pos.syncNow().get(120, TimeUnit.SECONDS);
                                } finally {
                                    inFlight.decrementAndGet();
                                }
                                if (t0 >= killedAt.get() && t0 < promotedAt.get()) duringOutage.merge(SyncAnswerKind.of(s), 1L, Long::sum);
                                if (s.completed() && pos.status().pending() == 0 && pos.status().syncing() == 0 && t0 >= promotedAt.get()) return;
                                if (!s.completed()) Thread.sleep(100);
                            }
                            violations.add("a till did not drain within 5 minutes: " + pos.status());
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }, "failover-till");
                    storm.add(th);
                }
                storm.forEach(Thread::start);
                long waitKill = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (invoicesOnServer(ledger, devices) < total / 3 && System.nanoTime() < waitKill) Thread.sleep(20);
                onServerAtKill = invoicesOnServer(ledger, devices);
                killedAt.set(System.nanoTime());
                pg.killPrimary();
                Thread.sleep(1_000); // the tills meet the dead primary
                paused.set(1);
                while (inFlight.get() > 0) Thread.sleep(10);
                // What the tills were told is on the server, against what the promoted standby has
                List<Set<String>> synced = new ArrayList<>();
                for (DemoDevices.NewDevice d : devices) synced.add(new TerminalLedger(workDir.resolve(d.posId())).syncedInvoices());
                pg.promoteStandby();
                promotedAt.set(System.nanoTime());
                for (int t = 0; t < tills; t++) {
                    Set<String> missing = new HashSet<>(synced.get(t));
                    missing.removeAll(ledger.invoiceCounts(devices.get(t).posId()).keySet());
                    lostByDatabase += missing.size();
                }
                long heldAtPromotion = invoicesOnServer(ledger, devices);
                paused.set(0);
                // back: the first invoice the new primary takes in (a push answered), not a till's whole backlog drained
                long waitBack = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (invoicesOnServer(ledger, devices) <= heldAtPromotion && heldAtPromotion < total && System.nanoTime() < waitBack) Thread.sleep(20);
                if (invoicesOnServer(ledger, devices) <= heldAtPromotion && heldAtPromotion < total) {
                    violations.add("no push was taken in within 60 s of the promotion");
                }
                backAt.set(System.nanoTime());
                for (Thread th : storm) th.join(TimeUnit.MINUTES.toMillis(6));
                if (failure.get() != null) violations.add("a till failed: " + failure.get());
                outage = backAt.get() == Long.MAX_VALUE ? Duration.ofSeconds(-1) : Duration.ofNanos(backAt.get() - killedAt.get());
                afterPromotion = backAt.get() == Long.MAX_VALUE ? Duration.ofSeconds(-1) : Duration.ofNanos(backAt.get() - promotedAt.get());
                if (mode == ReplicatedPostgres.Mode.SYNC && lostByDatabase != 0) {
                    violations.add("synchronous replication lost " + lostByDatabase + " invoices the server had answered accepted");
                }
                duringOutage.forEach((k, n) -> {
                    if (k.contains("internal_error") || k.contains("server_error")) violations.add("a 500 during the failover: " + k + " ×" + n);
                });
            } finally {
                for (PosTerminal p : terminals) p.close();
            }
            for (int t = 0; t < tills; t++) {
                String posId = devices.get(t).posId();
                EndState.Verdict v = EndState.check(posId, new TerminalLedger(workDir.resolve(posId)), ledger, confirmed.get(t));
                verdicts.add(v);
                violations.addAll(v.violations());
            }
            if (!ledger.halfWritten().isEmpty()) violations.add("half-written rows on the server: " + ledger.halfWritten());
        }
        FailoverFigures f = new FailoverFigures(mode.name().toLowerCase(), tills, tills * invoicesPerTill, onServerAtKill, lostByDatabase, outage,
                afterPromotion, new TreeMap<>(duringOutage), verdicts, List.copyOf(violations), Duration.ofNanos(System.nanoTime() - started));
        log.println(f.line());
        f.violations().forEach(x -> log.println("VIOLATION " + x));
        return f;
    }

    private static long invoicesOnServer(ServerLedger ledger, List<DemoDevices.NewDevice> devices) {
        try {
            long n = 0;
            for (DemoDevices.NewDevice d : devices) n += ledger.invoiceCounts(d.posId()).size();
            return n;
        } catch (RuntimeException e) {
            return 0;
        }
    }

}
