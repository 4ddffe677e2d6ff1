package dev.tillsync.reliability.crash;

import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.faults.FaultMode;
import dev.tillsync.reliability.faults.FaultProxy;
import dev.tillsync.server.TillServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * kill -9 of a real terminal process at chosen instants, over and over, on one data folder: inside the sale
 * transaction, right after a confirmation (between sale and receipt of the next), mid-sync between batches,
 * after the server committed a batch but before the answer was stored (fault point and a delaying proxy).
 * Each restart continues selling. At the end the real CLI syncs and the store is compared with the server.
 */
public final class TerminalCrashRun {
    private static final String SELL_LOOP = SellLoopMain.class.getName();
    private static final String TERMINAL_MAIN = "dev.tillsync.terminal.cli.TerminalMain";

    /** Where a kill lands; chosen at random for every child. */
    enum KillPoint {
        /** Inside the open sale transaction (fault point sale.before-commit holds it open). */
        IN_SALE_TX,
        /** At a random instant after a confirmation: between sales, while rendering a receipt, or in a sync. */
        RANDOM_JITTER,
        /** During a sync, between two batches or mid-batch. */
        MID_SYNC,
        /** After the server committed a batch, before the terminal stored the answer (fault point sync.before-mark). */
        SERVER_COMMITTED_ANSWER_UNSTORED,
        /** While the proxy holds the server's answer back: the server has committed, the terminal waits. */
        ANSWER_DELAYED_BY_PROXY
    }

    private final TillServer server;
    private final ServerLedger ledger;
    private final Path workDir;
    private final String classpath;
    private final PrintStream log;

    public TerminalCrashRun(TillServer server, ServerLedger ledger, Path workDir, String classpath, PrintStream log) {
        this.server = server;
        this.ledger = ledger;
        this.workDir = workDir;
        this.classpath = classpath;
        this.log = log;
    }

    public CrashFigures run(int kills, long seed) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byPoint = new TreeMap<>();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        DemoDevices.NewDevice dev = DemoDevices.create(server, "CRASH-T", 4);
        Path data = workDir.resolve(dev.posId());
        log.println("terminal crash: seed " + seed + ", " + kills + " kills, device " + dev.posId() + ", data " + data);

        try (FaultProxy proxy = new FaultProxy(0, server.port(), seed)) {
            cli(List.of("--data", data.toString(), "link", "--server", proxy.baseUrl(), "--code", dev.linkCode()), violations);
            for (int k = 0; k < kills; k++) {
                KillPoint point = KillPoint.values()[random.nextInt(KillPoint.values().length)];
                byPoint.merge(point.name(), 1, Integer::sum);
                killOnce(data, point, seed * 1_000 + k, random, proxy, confirmed);
                proxy.mode(FaultMode.PASS);
            }
            // The real CLI, fault-free, twice: the first push may finish work a kill interrupted, the second must be clean.
            cli(List.of("--data", data.toString(), "--timeout", "10", "sync"), violations);
            cli(List.of("--data", data.toString(), "--timeout", "10", "sync"), violations);
        }
        EndState.Verdict v = EndState.check(dev.posId(), new TerminalLedger(data), ledger, confirmed);
        violations.addAll(v.violations());
        CrashFigures f = new CrashFigures("terminal kill -9", seed, kills, byPoint, v, violations, Duration.ofNanos(System.nanoTime() - started));
        log.println(f.line());
        violations.forEach(x -> log.println("VIOLATION " + x));
        return f;
    }

    private void killOnce(Path data, KillPoint point, long childSeed, Random random, FaultProxy proxy, Set<String> confirmed) throws Exception {
        List<String> jvm = new ArrayList<>();
        CountDownLatch trigger = new CountDownLatch(1);
        int nth = 1 + random.nextInt(3);
        int[] seen = {0};
        switch (point) {
            case IN_SALE_TX -> jvm.add("-Dtillsync.fault=sale.before-commit:sleep:400");
            case SERVER_COMMITTED_ANSWER_UNSTORED -> jvm.add("-Dtillsync.fault=sync.before-mark:sleep:400");
            case ANSWER_DELAYED_BY_PROXY -> {
                proxy.delayMillis(600);
                proxy.mode(FaultMode.DELAY);
            }
            default -> { }
        }
        String triggerLine = switch (point) {
            case IN_SALE_TX -> "FAULT-POINT sale.before-commit";
            case SERVER_COMMITTED_ANSWER_UNSTORED -> "FAULT-POINT sync.before-mark";
            case MID_SYNC, ANSWER_DELAYED_BY_PROXY -> "SYNC-START";
            case RANDOM_JITTER -> "CONFIRMED";
        };
        java.util.function.Consumer<String> watch = line -> {
            if (line.startsWith("CONFIRMED ")) confirmed.add(line.substring(10).trim());
            if (line.startsWith(triggerLine)) {
                synchronized (seen) {
                    if (++seen[0] >= (point == KillPoint.RANDOM_JITTER ? nth : 1)) trigger.countDown();
                }
            }
        };
        int syncEvery = 3 + random.nextInt(4);
        try (ChildJvm child = ChildJvm.start(classpath, jvm, SELL_LOOP, List.of(data.toString(), String.valueOf(childSeed), String.valueOf(syncEvery)),
                watch, watch)) {
            trigger.await(20, TimeUnit.SECONDS);
            long jitter = switch (point) {
                case IN_SALE_TX, SERVER_COMMITTED_ANSWER_UNSTORED -> random.nextInt(300);
                case MID_SYNC -> random.nextInt(120);
                case ANSWER_DELAYED_BY_PROXY -> 100 + random.nextInt(400);
                case RANDOM_JITTER -> random.nextInt(250);
            };
            Thread.sleep(jitter);
            child.kill();
        }
    }

    private void cli(List<String> args, List<String> violations) {
        StringBuilder text = new StringBuilder();
        try (ChildJvm c = ChildJvm.start(classpath, List.of(), TERMINAL_MAIN, args, l -> text.append(l).append('\n'),
                l -> text.append(l).append('\n'))) {
            int code = c.awaitExit(120);
            if (code != 0) violations.add("terminal " + String.join(" ", args) + " exited " + code + ": " + text.toString().strip());
        }
    }
}
