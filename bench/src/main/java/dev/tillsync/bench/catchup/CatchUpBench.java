package dev.tillsync.bench.catchup;

import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.BenchTerminal;
import dev.tillsync.bench.env.DeviceHttp;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.Stats;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncSummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A terminal with a large offline backlog syncs to a fresh server (a restarted copy of a snapshot), for
 * several sync_rows_per_request, against (a) one HTTP request per invoice and (b) raw PostgreSQL batches,
 * interleaved round by round.
 */
public final class CatchUpBench {
    /** @param warmupInvoices size of the untimed warm-up backlog every variant syncs once first (0: none) */
    public record Options(Path work, int invoices, int rounds, List<Integer> rowsPerRequest, Duration generateBudget, int warmupInvoices) {}

    private static final String NAIVE = "baseline (a): 1 HTTP push per invoice";
    private static final String CEILING = "baseline (b): raw PostgreSQL JDBC batch";

    public BenchReport run(Options o) throws Exception {
        Path dir = o.work().resolve("catch-up");
        Folders.delete(dir);
        OfflineOutbox.Snapshot snap = OfflineOutbox.make(dir.resolve("template"), "POS-0001", o.invoices(), o.generateBudget());
        List<InvoicePayload> parsed = RawPostgresCeiling.parse(snap.rows());
        Map<String, List<Double>> secs = new LinkedHashMap<>();
        for (int r : o.rowsPerRequest()) secs.put(ours(r), new ArrayList<>());
        secs.put(NAIVE, new ArrayList<>());
        secs.put(CEILING, new ArrayList<>());
        Map<String, List<Double>> vsNaive = new LinkedHashMap<>(), vsCeiling = new LinkedHashMap<>();
        for (int r : o.rowsPerRequest()) {
            vsNaive.put(ours(r), new ArrayList<>());
            vsCeiling.put(ours(r), new ArrayList<>());
        }
        Path run = dir.resolve("run");
        if (o.warmupInvoices() > 0) {
            // Every variant runs once, untimed, on a small backlog first, so no variant pays the JVM's warm-up
            // (class loading, JIT) inside its timed round: whichever ran first would otherwise look slower.
            OfflineOutbox.Snapshot warm = OfflineOutbox.make(dir.resolve("warm-up"), "POS-0001", o.warmupInvoices(), o.generateBudget());
            List<InvoicePayload> warmParsed = RawPostgresCeiling.parse(warm.rows());
            for (int r : o.rowsPerRequest()) ours(warm, run, r);
            naive(warm, run);
            ceiling(warm, run, warmParsed);
        }
        for (int round = 0; round < o.rounds(); round++) {
            Map<String, Double> thisRound = new LinkedHashMap<>();
            for (int r : o.rowsPerRequest()) thisRound.put(ours(r), ours(snap, run, r));
            thisRound.put(NAIVE, naive(snap, run));
            thisRound.put(CEILING, ceiling(snap, run, parsed));
            thisRound.forEach((k, v) -> secs.get(k).add(v));
            for (int r : o.rowsPerRequest()) {
                vsNaive.get(ours(r)).add(thisRound.get(NAIVE) / thisRound.get(ours(r)));
                vsCeiling.get(ours(r)).add(thisRound.get(CEILING) / thisRound.get(ours(r)));
            }
        }
        Folders.delete(run);
        int n = snap.invoices();
        TextTable t = new TextTable("catch-up: " + n + " offline invoices (5 lines, 2 payments) + " + (snap.rows().size() - n)
                + " other outbox row(s), " + o.rounds() + " interleaved round(s), fresh server each time",
                "variant", "invoices/s (median)", "total s (median)", "ours ÷ (a)", "ours ÷ (b)");
        BenchReport report = new BenchReport("catch-up");
        for (var e : secs.entrySet()) {
            double med = Stats.median(e.getValue());
            boolean isOurs = vsNaive.containsKey(e.getKey());
            t.row(e.getKey(), n / med, med, isOurs ? Stats.median(vsNaive.get(e.getKey())) : null,
                    isOurs ? Stats.median(vsCeiling.get(e.getKey())) : null);
            report.figure(e.getKey() + ".invoicesPerSec", n / med);
            if (isOurs) {
                report.figure(e.getKey() + ".vsNaive", Stats.median(vsNaive.get(e.getKey())));
                report.figure(e.getKey() + ".vsCeiling", Stats.median(vsCeiling.get(e.getKey())));
            }
        }
        report.table(t);
        report.note(String.format(java.util.Locale.ROOT, "backlog made through the engine (SaleRecorder, one SQLite transaction per sale, offline): %d sales in %.1f s (%.0f/s)%s",
                n, snap.generateSeconds(), n / snap.generateSeconds(), n < o.invoices() ? "; time-boxed: " + o.invoices() + " were asked for" : ""));
        report.note("ours = PosTerminal.syncNow() on a copy of the terminal (push in batches of sync_rows_per_request, set on the server "
                + "through the device registry and learnt by the terminal by a pull before the clock starts; the timed sync ends with its pull).");
        report.note("(a) = the same rows replayed by a plain HTTP client, POST /api/v1/sync/push with a batch of 1, sequentially, keep-alive.");
        report.note("(b) = the same invoices into plain tables with the server's keys (sync status, invoice, lines, payments, stock ledger, "
                + "stock level), JDBC batches with reWriteBatchedInserts, commit every 500 invoices, payloads parsed before the clock.");
        if (o.warmupInvoices() > 0) {
            report.note("before the timed rounds every variant ran once, untimed, on a separate backlog of " + o.warmupInvoices() + " invoices (JVM warm-up).");
        }
        report.note("targets: ours ≥ 10× (a) and ≥ 0.30 of (b). Every variant verified: every row accepted.");
        return report;
    }

    private static String ours(int rows) {
        return "ours: terminal sync, " + rows + " rows/request";
    }

    private static BenchServer freshServer(OfflineOutbox.Snapshot snap, Path run) {
        Folders.delete(run);
        Folders.copy(snap.serverDir(), run.resolve("server"));
        return BenchServer.start(run.resolve("server"));
    }

    private static double ours(OfflineOutbox.Snapshot snap, Path run, int rows) {
        try (BenchServer server = freshServer(snap, run)) {
            Path term = run.resolve("terminal");
            Folders.copy(snap.terminalDir(), term);
            server.setRowsPerRequest(snap.posId(), rows);
            try (PosTerminal pos = PosTerminal.open(term)) {
                pos.setServerUrl(server.baseUrl());
                BenchTerminal.pullOnly(term);
                long t0 = System.nanoTime();
                SyncSummary s = pos.syncNow().join();
                double secs = (System.nanoTime() - t0) / 1e9;
                int expectedBatches = (snap.rows().size() + rows - 1) / rows;
                if (s.error() != null || !s.failed().isEmpty() || s.synced() != snap.rows().size() || s.batches() != expectedBatches) {
                    throw new IllegalStateException("catch-up with " + rows + " rows/request did not sync everything: " + s);
                }
                return secs;
            }
        }
    }

    private static double naive(OfflineOutbox.Snapshot snap, Path run) throws Exception {
        try (BenchServer server = freshServer(snap, run)) {
            DeviceHttp device = new DeviceHttp(DeviceHttp.newClient(), server.baseUrl(), snap.posId(), snap.secret());
            long t0 = System.nanoTime();
            for (SyncRow row : snap.rows()) {
                PushResult r = device.push(new PushBatch(snap.posId(), snap.profileKey(), List.of(row)));
                RowResult rr = r.results().get(0);
                if (!rr.isSynced()) throw new IllegalStateException("naive push refused row " + row.seq() + ": " + rr);
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static double ceiling(OfflineOutbox.Snapshot snap, Path run, List<InvoicePayload> parsed) throws Exception {
        try (BenchServer server = freshServer(snap, run); Connection c = RawPostgresCeiling.connect(server.dir())) {
            RawPostgresCeiling.createTables(c);
            return RawPostgresCeiling.insert(c, parsed, snap.rows(), 500);
        }
    }

}
