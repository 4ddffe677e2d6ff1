package dev.tillsync.bench.footprint;

import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.BenchTerminal;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.env.SaleFactory;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.sale.SaleRecorder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Terminal heap and SQLite file size with many local invoices; the server heap figure comes from a fleet run. */
public final class FootprintBench {
    public record Options(Path work, int invoices, Duration generateBudget) {}

    public BenchReport run(Options o, BenchReport fleet, int fleetSize) throws Exception {
        Path dir = o.work().resolve("footprint");
        Folders.delete(dir);
        Path term = dir.resolve("terminal");
        List<Item> items;
        int made = 0;
        double genSecs;
        try (BenchServer server = BenchServer.startSeeded(dir.resolve("server"));
             PosTerminal pos = BenchTerminal.linkAndOpen(server, "POS-0001", term)) {
            items = BenchTerminal.items(pos, BenchServer.demoItemCodes());
            UserSession cashier = pos.currentUser().orElseThrow();
            SaleRecorder recorder = BenchTerminal.commitOnly(term);
            SaleFactory f = new SaleFactory(items, 5);
            Instant deadline = Instant.now().plus(o.generateBudget());
            long t0 = System.nanoTime();
            while (made < o.invoices() && (made % 100 != 0 || Instant.now().isBefore(deadline))) {
                recorder.recordSale(cashier, f.next().request(), true);
                made++;
            }
            genSecs = (System.nanoTime() - t0) / 1e9;
        }
        long fileBytes = BenchTerminal.storeBytes(term);
        long heapOpen;
        try (PosTerminal pos = PosTerminal.open(term)) {
            pos.status();
            pos.history(new HistoryFilter(null, true, 100));
            pos.recordSale(new SaleFactory(items, 6).next().request());
            heapOpen = usedAfterGc();
        }
        // Measured right after closing rather than before opening: garbage left by the invoice generation above was
        // still reachable then, and collecting it in between made the engine's share come out negative.
        long before = Math.min(heapOpen, usedAfterGc());
        TextTable t = new TextTable("footprint: terminal with " + made + " local invoices (5 lines, 2 payments each)", "figure", "value");
        t.row("SQLite file (db + wal + shm), MB", fileBytes / 1048576.0);
        t.row("bytes per invoice", (double) fileBytes / made);
        t.row("extrapolated to 100,000 invoices, MB", fileBytes / 1048576.0 * 100_000 / made);
        t.row("terminal engine heap (live, after GC, engine open + status + history + one sale), MB", (heapOpen - before) / 1048576.0);
        t.row("JVM heap used after GC with the engine open, MB", heapOpen / 1048576.0);
        Double serverHeap = fleet == null ? null : fleet.figures().get(fleetSize + ".heapAfterGcMb");
        Double serverPeak = fleet == null ? null : fleet.figures().get(fleetSize + ".heapPeakMb");
        t.row("server heap after GC at " + fleetSize + " simulated terminals (fleet run), MB", serverHeap);
        t.row("server heap peak at " + fleetSize + " simulated terminals (fleet run), MB", serverPeak);
        BenchReport report = new BenchReport("footprint").table(t);
        report.figure("fileMb", fileBytes / 1048576.0).figure("terminalHeapMb", (heapOpen - before) / 1048576.0);
        if (serverHeap != null) report.figure("serverHeapMb", serverHeap);
        report.note(String.format(java.util.Locale.ROOT, "invoices recorded through the engine (SaleRecorder, one transaction each): %d in %.1f s%s", made, genSecs,
                made < o.invoices() ? "; time-boxed, " + o.invoices() + " were asked for (file size extrapolated linearly)" : ""));
        report.note("the engine keeps no data caches on the heap (two kept-open SQLite connections, each with at most 128 prepared statements), so its heap does not grow with the number of invoices; "
                + "SQLite's own page cache, outside the Java heap, is at most 16 MB per connection (taken as pages are read).");
        return report;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
