package dev.tillsync.bench.catalog;

import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.Stats;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.server.imports.csv.CatalogImport;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * {@code bench import}: a generated catalogue CSV imported through {@link CatalogImport} on a fresh embedded server,
 * beside the ceiling (raw COPY of the same rows into item, item_barcode and item_price, nothing else) and a second
 * import of the same file (all unchanged). Invariant: every variant starts from the same tables (the bench items are
 * deleted and the tables vacuumed between variants, untimed), and rounds interleave ceiling / first / second.
 */
public final class ImportBench {
    public record Options(Path work, int items, int runs) {}

    static final String PREFIX = "IMP-";

    public BenchReport run(Options o) throws Exception {
        Path dir = o.work().resolve("import");
        Folders.delete(dir);
        BenchReport report = new BenchReport("import");
        try (BenchServer server = BenchServer.startSeeded(dir.resolve("server"))) {
            var services = server.server().services();
            Jdbi jdbi = services.jdbi();
            CatalogFile file = CatalogFile.prepare(jdbi, PREFIX, o.items());
            RawCopy raw = RawCopy.of(file);
            CatalogImport imports = new CatalogImport(jdbi, services.catalog().itemFeed());
            List<Double> rawSecs = new ArrayList<>(), firstSecs = new ArrayList<>(), secondSecs = new ArrayList<>();
            Map<String, List<Double>> firstPhases = new LinkedHashMap<>(), secondPhases = new LinkedHashMap<>();
            String counts = null;
            for (int run = 0; run < o.runs(); run++) {
                clean(jdbi);
                long t0 = System.nanoTime();
                raw.copy(server.server().dataSource().getConnection());
                rawSecs.add((System.nanoTime() - t0) / 1e9);
                clean(jdbi);

                long t1 = System.nanoTime();
                CatalogImport.Timed first = imports.runTimed(file.bytes(), "bench", false);
                firstSecs.add((System.nanoTime() - t1) / 1e9);
                check(first.result(), o.items(), 0, 0);
                long t2 = System.nanoTime();
                CatalogImport.Timed second = imports.runTimed(file.bytes(), "bench", false);
                secondSecs.add((System.nanoTime() - t2) / 1e9);
                check(second.result(), 0, 0, o.items());
                counts = "second import: " + second.result().created() + " created, " + second.result().updated() + " updated, "
                        + second.result().unchanged() + " unchanged";
                add(firstPhases, first.phaseNanos());
                add(secondPhases, second.phaseNanos());
                System.err.printf("import bench run %d/%d: raw %.2f s, first %.2f s, second %.2f s%n", run + 1, o.runs(),
                        rawSecs.getLast(), firstSecs.getLast(), secondSecs.getLast());
            }
            double rawMed = Stats.median(rawSecs), firstMed = Stats.median(firstSecs), secondMed = Stats.median(secondSecs);
            TextTable t = new TextTable("import: catalogue CSV of " + file.items() + " items (" + file.rows() + " rows: 2 price lists, 2 barcodes, "
                    + "a category and a tax each), median of " + o.runs() + " runs", "variant", "s", "rows/s", "items/s", "ours / raw");
            t.row("raw COPY into item, item_barcode, item_price (ceiling)", rawMed, file.rows() / rawMed, file.items() / rawMed, 1.0);
            t.row("first import (all created)", firstMed, file.rows() / firstMed, file.items() / firstMed, firstMed / rawMed);
            t.row("second import of the same file (all unchanged)", secondMed, file.rows() / secondMed, file.items() / secondMed, secondMed / rawMed);
            report.table(t);
            TextTable p = new TextTable("import: where the time goes (median per phase, s)", "phase", "first", "second");
            for (String phase : firstPhases.keySet()) {
                p.row(phase, Stats.median(firstPhases.get(phase)), secondPhases.containsKey(phase) ? Stats.median(secondPhases.get(phase)) : null);
            }
            for (String phase : secondPhases.keySet()) if (!firstPhases.containsKey(phase)) p.row(phase, null, Stats.median(secondPhases.get(phase)));
            report.table(p);
            report.figure("rawSec", rawMed).figure("firstSec", firstMed).figure("secondSec", secondMed).figure("firstOverRaw", firstMed / rawMed);
            report.note(counts);
            report.note("runs (s): raw " + rawSecs + ", first " + firstSecs + ", second " + secondSecs);
            report.note("file " + String.format("%.1f", file.bytes().length / 1048576.0) + " MiB; times are the whole call: CSV read and checks, one "
                    + "transaction with staging, classification, writes, audit rows and the pull-feed records, and its commit. "
                    + "The ceiling is only the three COPYs and their commit (no checks, no audit, no feed).");
        }
        return report;
    }

    private static void check(CatalogImport.Result r, int created, int updated, int unchanged) {
        if (!r.refused().isEmpty()) throw new IllegalStateException("the bench file was refused: " + r.refused().getFirst().text());
        if (r.created() != created || r.updated() != updated || r.unchanged() != unchanged) {
            throw new IllegalStateException("expected " + created + " created, " + updated + " updated, " + unchanged + " unchanged; got " + r);
        }
    }

    private static void add(Map<String, List<Double>> into, Map<String, Long> phases) {
        phases.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v / 1e9));
    }

    /** Removes the bench items and what imports wrote for them, then vacuums, so the next variant starts alike. */
    static void clean(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            h.execute("delete from change_state where entity = 'item' and key like '" + PREFIX + "%'");
            h.execute("delete from audit_log where entity = 'item' and key like '" + PREFIX + "%'");
            h.execute("delete from item_price where item_code like '" + PREFIX + "%'");
            h.execute("delete from item_barcode where item_code like '" + PREFIX + "%'");
            h.execute("delete from item where code like '" + PREFIX + "%'");
        });
        jdbi.useHandle(h -> {
            for (String table : List.of("change_state", "audit_log", "item_price", "item_barcode", "item")) h.execute("vacuum analyze " + table);
            h.execute("checkpoint");
        });
    }

    /** The file's rows as COPY input for the three tables, built before the clock starts. */
    record RawCopy(String items, String barcodes, String prices) {
        static RawCopy of(CatalogFile file) {
            StringBuilder it = new StringBuilder(), bc = new StringBuilder(), pr = new StringBuilder();
            String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
            String last = null;
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1); // code,name,category,unit,barcodes,tax,price,price_list,active
                if (!f[0].equals(last)) {
                    it.append(f[0]).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(',').append(f[5]).append(",true\n");
                    for (String b : f[4].split("\\|")) bc.append(b).append(',').append(f[0]).append('\n');
                    last = f[0];
                }
                pr.append(f[7]).append(',').append(f[0]).append(',').append(f[6].replace(".", "")).append('\n');
            }
            return new RawCopy(it.toString(), bc.toString(), pr.toString());
        }

        void copy(Connection c) throws Exception {
            try (c) {
                c.setAutoCommit(false);
                var api = c.unwrap(PGConnection.class).getCopyAPI();
                api.copyIn("copy item (code, name, category, unit, tax_category, active) from stdin (format csv)", new StringReader(items));
                api.copyIn("copy item_barcode (barcode, item_code) from stdin (format csv)", new StringReader(barcodes));
                api.copyIn("copy item_price (price_list, item_code, price_minor) from stdin (format csv)", new StringReader(prices));
                c.commit();
            }
        }
    }
}
