package dev.tillsync.reliability.chaos;

import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.faults.FaultMode;
import dev.tillsync.reliability.faults.FaultProxy;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalOptions;
import dev.tillsync.terminal.TerminalStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sells a seeded script through the terminal facade while a seeded schedule switches the fault proxy between
 * every fault mode, syncing in the background as a till does; then the same script is sold on a second device
 * with no faults. Judged on: no sale waits on the network, connectivity is reported as it really is, and after a
 * final fault-free sync both devices end identical (same invoice numbers and totals, once each; same stock effect).
 */
public final class NetworkChaosRun {
    /** Longest a recordSale may take while the network misbehaves: it never touches the network. */
    public static final long MAX_SALE_MILLIS = 1_000;

    public record Config(long seed, int sales, int minSpan, int maxSpan, int rowsPerRequest, Duration requestTimeout) {
        public static Config ci(long seed) {
            return new Config(seed, 1_000, 25, 90, 25, Duration.ofMillis(800));
        }
    }

    public record Report(long seed, int sales, List<String> schedule, Map<FaultMode, Integer> spansPerMode, long maxSaleMillis,
                         double meanSaleMillis, int offlineSales, int detectionChecks, int syncsStarted, EndState.Verdict chaos,
                         EndState.Verdict reference, List<String> violations, Duration took) {
        public boolean ok() {
            return violations.isEmpty();
        }

        public String summary() {
            return String.format("network chaos seed %d: sales %d (offline %d), fault spans %s, detection checks %d, syncs %d, "
                            + "sale latency max %d ms / mean %.1f ms, on server %d, lost %d, duplicated %d, identical to fault-free run: %s, took %ds",
                    seed, sales, offlineSales, spansPerMode, detectionChecks, syncsStarted, maxSaleMillis, meanSaleMillis,
                    chaos == null ? 0 : chaos.onServer(), chaos == null ? 0 : chaos.lost(), chaos == null ? 0 : chaos.duplicated(),
                    violations.isEmpty() ? "yes" : "NO", took.toSeconds());
        }
    }

    private static final FaultMode[] FAULTS = {FaultMode.REFUSE, FaultMode.BLACKHOLE, FaultMode.DELAY, FaultMode.CUT_AFTER_REQUEST,
            FaultMode.GARBAGE, FaultMode.HTTP_500, FaultMode.HTTP_503, FaultMode.TRICKLE};

    private final TillServer server;
    private final ServerLedger ledger;
    private final Path workDir;
    private final PrintStream log;

    public NetworkChaosRun(TillServer server, ServerLedger ledger, Path workDir, PrintStream log) {
        this.server = server;
        this.ledger = ledger;
        this.workDir = workDir;
        this.log = log;
    }

    private TerminalOptions options(Config c) {
        return new TerminalOptions(Clock.systemUTC(), c.requestTimeout(), Duration.ofMillis(400), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    public Report run(Config c) throws Exception {
        long started = System.nanoTime();
        List<String> violations = new ArrayList<>();
        List<String> schedule = new ArrayList<>();
        Map<FaultMode, Integer> spans = new EnumMap<>(FaultMode.class);
        Random faults = new Random(c.seed() ^ 0x5DEECE66DL);
        log.println("network chaos: seed " + c.seed() + ", " + c.sales() + " sales, spans " + c.minSpan() + "–" + c.maxSpan()
                + " sales, request timeout " + c.requestTimeout().toMillis() + " ms");

        DemoDevices.NewDevice dev = DemoDevices.create(server, "CHAOS", c.rowsPerRequest());
        Path dir = workDir.resolve(dev.posId());
        long maxMillis = 0, totalNanos = 0;
        int offline = 0, checks = 0, syncs = 0;
        Set<String> confirmed = new HashSet<>();
        try (FaultProxy proxy = new FaultProxy(0, server.port(), c.seed());
             PosTerminal pos = PosTerminal.open(dir, options(c))) {
            proxy.delayMillis(c.requestTimeout().toMillis() / 2);
            proxy.trickle(256, 5);
            var linked = pos.link(proxy.baseUrl(), dev.linkCode(), "chaos till");
            if (linked.pullError() != null) throw new IllegalStateException("first pull failed: " + linked.pullError());
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            pos.openShift(10_000, null);

            SaleScript script = new SaleScript(c.seed());
            int nextSwitch = 0;
            FaultMode mode = FaultMode.PASS;
            List<FaultMode> deck = new ArrayList<>(List.of(FAULTS));
            java.util.Collections.shuffle(deck, faults);
            CompletableFuture<SyncSummary> sync = CompletableFuture.completedFuture(null);
            for (int i = 0; i < c.sales(); i++) {
                if (i == nextSwitch) {
                    checks += checkDetection(pos, mode, sync, violations);
                    // Every fault mode once first (in a seeded order), so each run covers all of them; then at random.
                    mode = !deck.isEmpty() ? deck.remove(deck.size() - 1)
                            : faults.nextInt(4) == 0 ? FaultMode.PASS : FAULTS[faults.nextInt(FAULTS.length)];
                    proxy.mode(mode);
                    proxy.dropAll();
                    spans.merge(mode, 1, Integer::sum);
                    int span = c.minSpan() + faults.nextInt(c.maxSpan() - c.minSpan() + 1);
                    nextSwitch = i + span;
                    schedule.add("sale " + i + ": " + mode + " for " + span);
                }
                SaleScript.Sale sale = script.next();
                long t0 = System.nanoTime();
                SaleReceipt r = pos.recordSale(SaleScript.request(pos, sale));
                long nanos = System.nanoTime() - t0;
                confirmed.add(r.number());
                totalNanos += nanos;
                maxMillis = Math.max(maxMillis, nanos / 1_000_000);
                if (nanos / 1_000_000 > MAX_SALE_MILLIS) {
                    violations.add("sale " + r.number() + " took " + nanos / 1_000_000 + " ms under " + mode);
                }
                if (r.offline()) offline++;
                if (i % 7 == 0 && sync.isDone()) {
                    sync = pos.syncNow(); // in the background, as the till's monitor does
                    syncs++;
                }
            }
            log.println("schedule: " + String.join("; ", schedule));
            checks += checkDetection(pos, mode, sync, violations);
            proxy.mode(FaultMode.PASS);
            finalSync(pos, violations);
            // One more pull so the terminal's stock includes every device's sales.
            pos.syncNow().get(60, TimeUnit.SECONDS);
            compareStock(new TerminalLedger(dir), confirmedItems(new TerminalLedger(dir)), violations);
        }
        EndState.Verdict chaos = EndState.check(dev.posId(), new TerminalLedger(dir), ledger, confirmed);
        chaos.violations().forEach(x -> violations.add("chaos device: " + x));

        EndState.Verdict reference = referenceRun(c, violations);
        compareWithReference(dev.posId(), reference.posId(), violations);

        Report rep = new Report(c.seed(), c.sales(), schedule, spans, maxMillis, totalNanos / 1e6 / Math.max(1, c.sales()), offline,
                checks, syncs, chaos, reference, violations, Duration.ofNanos(System.nanoTime() - started));
        log.println(rep.summary());
        violations.forEach(x -> log.println("VIOLATION " + x));
        return rep;
    }

    /**
     * Lets the sync in flight finish, then syncs once under {@code mode} and checks what the terminal concluded:
     * PASS completes and reads online; a refused or black-holed line fails and reads offline; the other faults fail.
     */
    private int checkDetection(PosTerminal pos, FaultMode mode, CompletableFuture<SyncSummary> inFlight, List<String> violations) throws Exception {
        inFlight.get(120, TimeUnit.SECONDS);
        SyncSummary s = pos.syncNow().get(120, TimeUnit.SECONDS);
        boolean online = pos.online();
        switch (mode) {
            case PASS -> {
                if (!s.completed()) violations.add("PASS: sync did not complete: " + s.error());
                if (!online) violations.add("PASS: terminal reads offline after a completed sync");
            }
            case REFUSE, BLACKHOLE -> {
                if (s.completed()) violations.add(mode + ": sync claims to have completed");
                if (online) violations.add(mode + ": terminal reads online although the server cannot be reached");
            }
            case GARBAGE, HTTP_500, HTTP_503, CUT_AFTER_REQUEST -> {
                if (s.completed()) violations.add(mode + ": sync claims to have completed");
            }
            default -> {
                // DELAY and TRICKLE are slow but correct: either outcome is right, the end state decides.
            }
        }
        return 1;
    }

    private void finalSync(PosTerminal pos, List<String> violations) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            SyncSummary s = pos.syncNow().get(120, TimeUnit.SECONDS);
            TerminalStatus st = pos.status();
            if (s.completed() && st.pending() == 0 && st.syncing() == 0) return;
        }
        violations.add("the terminal did not drain its outbox in 20 fault-free syncs: " + pos.status());
    }

    private static Set<String> confirmedItems(TerminalLedger t) {
        return t.soldQty().keySet();
    }

    private void compareStock(TerminalLedger t, Set<String> items, List<String> violations) {
        Map<String, Long> local = t.localStock();
        Map<String, String> diff = new TreeMap<>();
        for (String item : items) {
            long s = ledger.stock(DemoDevices.WAREHOUSE, item);
            if (local.getOrDefault(item, Long.MIN_VALUE) != s) diff.put(item, "terminal " + local.get(item) + " server " + s);
        }
        if (!diff.isEmpty()) violations.add("stock differs between terminal and server after the final sync: " + diff);
    }

    /** The same script on a device with a clean line: the figures the chaos device must reproduce. */
    private EndState.Verdict referenceRun(Config c, List<String> violations) throws Exception {
        DemoDevices.NewDevice dev = DemoDevices.create(server, "CLEAN", c.rowsPerRequest());
        Path dir = workDir.resolve(dev.posId());
        Set<String> confirmed = new HashSet<>();
        try (PosTerminal pos = PosTerminal.open(dir, options(c))) {
            pos.link(server.baseUrl(), dev.linkCode(), "reference till");
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            pos.openShift(10_000, null);
            SaleScript script = new SaleScript(c.seed());
            for (int i = 0; i < c.sales(); i++) confirmed.add(pos.recordSale(SaleScript.request(pos, script.next())).number());
            finalSync(pos, violations);
        }
        EndState.Verdict v = EndState.check(dev.posId(), new TerminalLedger(dir), ledger, confirmed);
        v.violations().forEach(x -> violations.add("reference device: " + x));
        return v;
    }

    /** Same invoice counters with the same totals, and the same quantities and stock postings, on both devices. */
    private void compareWithReference(String chaosPos, String refPos, List<String> violations) {
        Map<String, Long> a = bySuffix(ledger.invoiceTotals(chaosPos), chaosPos);
        Map<String, Long> b = bySuffix(ledger.invoiceTotals(refPos), refPos);
        if (!a.equals(b)) violations.add("invoices differ from the fault-free run: " + a.size() + " vs " + b.size() + " invoices, totals "
                + a.values().stream().mapToLong(Long::longValue).sum() + " vs " + b.values().stream().mapToLong(Long::longValue).sum());
        if (!ledger.soldQty(chaosPos).equals(ledger.soldQty(refPos))) violations.add("quantities sold differ from the fault-free run");
        if (!ledger.stockPosted(chaosPos).equals(ledger.stockPosted(refPos))) violations.add("stock postings differ from the fault-free run");
        if (ledger.grandTotal(chaosPos) != ledger.grandTotal(refPos)) {
            violations.add("grand total " + ledger.grandTotal(chaosPos) + " differs from the fault-free run's " + ledger.grandTotal(refPos));
        }
    }

    private static Map<String, Long> bySuffix(Map<String, Long> totals, String posId) {
        Map<String, Long> out = new TreeMap<>();
        totals.forEach((n, t) -> out.put(n.substring((posId + "-").length()), t));
        return out;
    }
}
