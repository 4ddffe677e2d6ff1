package dev.tillsync.reliability.restore;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.check.EndState;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.env.FreePort;
import dev.tillsync.reliability.env.LocalPostgres;
import dev.tillsync.server.ServerMain;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server is restored from last night's backup (issue 20 item 2): tills sell and sync, the back office is backed
 * up ({@code admin backup}, the real CLI), the tills sell and sync more (marked Synced on the tills), the server is
 * stopped and restored ({@code admin restore --yes}), so it has lost those sales; on their next contact the tills are
 * asked to resend and the server ends with every sale exactly once, agreeing with each till on totals, quantities
 * and stock postings.
 */
public final class ServerRestoreRun {
    private final LocalPostgres pg;
    private final Path workDir;
    private final PrintStream log;

    public ServerRestoreRun(LocalPostgres pg, Path workDir, PrintStream log) {
        this.pg = pg;
        this.workDir = workDir;
        this.log = log;
    }

    public RestoreFigures run(int tills, int salesBefore, int salesAfter, long seed) throws Exception {
        long started = System.nanoTime();
        List<String> violations = new ArrayList<>();
        String url = pg.newDatabase("server_restore");
        int port = FreePort.any();
        Path backup = workDir.resolve("last-night.tillsync-backup");
        TerminalOptions opts = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
        List<DemoDevices.NewDevice> devices = new ArrayList<>();
        List<PosTerminal> terminals = new ArrayList<>();
        List<Set<String>> confirmed = new ArrayList<>();
        ServerLedger ledger = ServerLedger.over(url);
        long lostByRestore;
        long penBefore = -1;
        long resent = 0;
        Duration catchUp;
        try {
            TillServer server = start(url, port, "server-1");
            try {
                server.admin().seedDemo();
                for (int t = 0; t < tills; t++) {
                    DemoDevices.NewDevice dev = DemoDevices.create(server, "RESTORE", 50);
                    PosTerminal pos = DemoDevices.openSelling(server, dev, workDir, opts, "restore till " + (t + 1));
                    devices.add(dev);
                    terminals.add(pos);
                    confirmed.add(new HashSet<>());
                }
                sell(terminals, confirmed, salesBefore, seed, violations);
                cli(violations, "backup", "admin", "--db", url, "backup", backup.toString());
                long pen = terminals.get(0).findItem(UNDONE_ITEM).orElseThrow().priceMinor();
                setPrice(url, UNDONE_ITEM, "7.77", violations); // a change the restore will undo; the tills pull it below
                sell(terminals, confirmed, salesAfter, seed + 1, violations);
                for (PosTerminal pos : terminals) {
                    if (pos.findItem(UNDONE_ITEM).orElseThrow().priceMinor() != 777) violations.add("a till did not get the price change before the restore");
                }
                penBefore = pen;
            } finally {
                server.close();
            }
            long before = ledger.count("sales_invoice");
            int refusedWithoutYes = ServerMain.commandLine().execute("admin", "--db", url, "restore", backup.toString());
            if (refusedWithoutYes != 2) violations.add("restore without --yes exited " + refusedWithoutYes + ", not 2");
            cli(violations, "restore", "admin", "--db", url, "restore", backup.toString(), "--yes");
            lostByRestore = before - ledger.count("sales_invoice");
            log.println("server restore: the restore took the server back " + lostByRestore + " invoices");
            if (lostByRestore <= 0) violations.add("the restore did not take the server back (it lost " + lostByRestore + " invoices)");
            setPrice(url, NEW_ITEM, "9.99", violations); // a change made after the restore, numbered past every till's cursor
            server = start(url, port, "server-2");
            try {
                long t0 = System.nanoTime();
                for (PosTerminal pos : terminals) {
                    SyncSummary s = pos.syncNow().get(120, TimeUnit.SECONDS);
                    if (!s.completed()) violations.add("the first sync after the restore failed: " + s.error());
                    resent += s.sent();
                    drain(pos, violations);
                }
                catchUp = Duration.ofNanos(System.nanoTime() - t0);
                for (PosTerminal pos : terminals) {
                    long undone = pos.findItem(UNDONE_ITEM).orElseThrow().priceMinor(), changed = pos.findItem(NEW_ITEM).orElseThrow().priceMinor();
                    if (undone != penBefore) violations.add("a till kept the price the restore undid: " + UNDONE_ITEM + " at " + undone + ", server " + penBefore);
                    if (changed != 999) violations.add("a till missed the price changed after the restore: " + NEW_ITEM + " at " + changed);
                }
            } finally {
                server.close();
            }
        } finally {
            for (PosTerminal p : terminals) p.close();
        }
        List<EndState.Verdict> verdicts = new ArrayList<>();
        for (int t = 0; t < tills; t++) {
            String posId = devices.get(t).posId();
            EndState.Verdict v = EndState.check(posId, new TerminalLedger(workDir.resolve(posId)), ledger, confirmed.get(t));
            verdicts.add(v);
            violations.addAll(v.violations());
        }
        if (!ledger.halfWritten().isEmpty()) violations.add("half-written rows on the server: " + ledger.halfWritten());
        RestoreFigures f = new RestoreFigures(tills, salesBefore, salesAfter, lostByRestore, resent, catchUp, verdicts, List.copyOf(violations),
                Duration.ofNanos(System.nanoTime() - started));
        log.println(f.line());
        f.violations().forEach(x -> log.println("VIOLATION " + x));
        return f;
    }

    static final String UNDONE_ITEM = "ITEM-0001", NEW_ITEM = "ITEM-0002";

    /** Sets one item's price the way a manager would from a file: catalogue export, the row edited, catalogue import. */
    private void setPrice(String url, String code, String price, List<String> violations) throws java.io.IOException {
        Path all = workDir.resolve("catalog-" + code + ".csv");
        cli(violations, "catalog export", "admin", "--db", url, "catalog", "export", all.toString());
        List<String> lines = Files.readAllLines(all);
        String header = lines.get(0);
        int col = List.of(header.split(",")).indexOf("price");
        int listCol = List.of(header.split(",")).indexOf("price_list");
        // the demo profile sells on Standard Selling (the export has a row per price list)
        String row = lines.stream().filter(l -> l.startsWith(code + ",") && l.split(",", -1)[listCol].equals("Standard Selling"))
                .findFirst().orElseThrow();
        String[] f = row.split(",", -1);
        f[col] = price;
        Path one = workDir.resolve("price-" + code + ".csv");
        Files.writeString(one, header + "\n" + String.join(",", f) + "\n");
        cli(violations, "catalog import", "admin", "--db", url, "catalog", "import", one.toString());
    }

    private TillServer start(String url, int port, String folder) throws Exception {
        return TillServer.start(new ServerOptions(Files.createDirectories(workDir.resolve(folder)), url, port));
    }

    /** {@code sales} sales spread over the tills, each till syncing every 10th sale and at the end (all Synced). */
    private static void sell(List<PosTerminal> terminals, List<Set<String>> confirmed, int sales, long seed, List<String> violations)
            throws Exception {
        List<SaleScript> scripts = new ArrayList<>();
        for (int t = 0; t < terminals.size(); t++) scripts.add(new SaleScript(seed * 31 + t));
        for (int i = 0; i < sales; i++) {
            int t = i % terminals.size();
            PosTerminal pos = terminals.get(t);
            confirmed.get(t).add(pos.recordSale(SaleScript.request(pos, scripts.get(t).next())).number());
            if (i % 10 == 9) pos.syncNow().get(120, TimeUnit.SECONDS);
        }
        for (PosTerminal pos : terminals) drain(pos, violations);
    }

    private static void drain(PosTerminal pos, List<String> violations) throws Exception {
        SyncSummary last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            last = pos.syncNow().get(120, TimeUnit.SECONDS);
            if (last.completed() && pos.status().pending() == 0 && pos.status().syncing() == 0) return;
        }
        violations.add("outbox did not drain: " + pos.status() + " / " + (last == null ? "" : last.error()));
    }

    private void cli(List<String> violations, String what, String... args) {
        int rc = ServerMain.commandLine().execute(args);
        if (rc != 0) violations.add("admin " + what + " exited " + rc);
    }
}
