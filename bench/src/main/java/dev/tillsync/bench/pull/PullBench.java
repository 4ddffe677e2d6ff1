package dev.tillsync.bench.pull;

import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.server.Services;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.imports.csv.CatalogImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Initial pull of a large catalogue by a newly linked terminal, and the time from linking to its first sale. */
public final class PullBench {
    public record Options(Path work, int items) {}

    public BenchReport run(Options o) throws Exception {
        Path dir = o.work().resolve("pull");
        Folders.delete(dir);
        BenchReport report = new BenchReport("pull");
        try (BenchServer server = BenchServer.startSeeded(dir.resolve("server"))) {
            long s0 = System.nanoTime();
            importCatalogue(server.server().services(), o.items());
            double seedSecs = (System.nanoTime() - s0) / 1e9;
            long s1 = System.nanoTime();
            stock(server.server().services(), o.items());
            double stockSecs = (System.nanoTime() - s1) / 1e9;
            server.createDevice("PULL-0001", 500);
            String code = server.admin().issueLinkCode("PULL-0001");
            long t0 = System.nanoTime();
            try (PosTerminal pos = PosTerminal.open(dir.resolve("terminal"))) {
                LinkResult link = pos.link(server.baseUrl(), code, "bench pull");
                double pullSecs = (System.nanoTime() - t0) / 1e9;
                if (link.pullError() != null) throw new IllegalStateException("first pull failed: " + link.pullError());
                pos.login(BenchServer.CASHIER, BenchServer.PIN);
                pos.openShift(10_000, null);
                String barcode = barcode(o.items());
                pos.recordSale(new SaleRequest(List.of(new SaleItem(barcode, 1)), null, List.of(new Payment(Payment.CASH, 500_000, null))));
                double firstSale = (System.nanoTime() - t0) / 1e9;
                int total = o.items() + DemoSeed.ITEM_COUNT;
                TextTable t = new TextTable("pull: first pull of " + total + " items (each with a barcode and a stock level) after linking",
                        "figure", "value");
                t.row("changes pulled (items, stock levels, users, profile, device...)", link.changesPulled());
                t.row("link + first pull, s", pullSecs);
                t.row("items/s", total / pullSecs);
                t.row("changes/s", link.changesPulled() / pullSecs);
                t.row("time to first sale after linking (link, pull, login, open shift, sale + receipt), s", firstSale);
                t.row("terminal store after pull, MB", dev.tillsync.bench.env.BenchTerminal.storeBytes(pos.dataDir()) / 1048576.0);
                t.row("server-side catalogue creation (catalogue CSV import, one file), s", seedSecs);
                t.row("server-side stock levels (one statement + one batch of feed records), s", stockSecs);
                report.table(t).figure("itemsPerSec", total / pullSecs).figure("firstSaleSec", firstSale);
                report.note("pages of " + dev.tillsync.terminal.sync.SyncEngine.PULL_LIMIT + " changes, each applied in one SQLite transaction; "
                        + "no baseline was asked for this figure.");
            }
        }
        return report;
    }

    /** Items BIG-000001..: one catalogue CSV through the import, so they reach the pull feed as a shop's file would. */
    static void importCatalogue(Services s, int n) {
        String zero = s.jdbi().withHandle(h -> h.createQuery("select name from tax_category where rate_bp = 0 order by name limit 1").mapTo(String.class).one());
        String taxed = s.jdbi().withHandle(h -> h.createQuery("select name from tax_category where rate_bp > 0 order by rate_bp desc, name limit 1").mapTo(String.class).one());
        StringBuilder csv = new StringBuilder(n * 80).append("code,name,unit,barcodes,tax,price,price_list\n");
        for (int i = 1; i <= n; i++) {
            long minor = 100 + (i % 5000);
            csv.append(String.format("BIG-%06d", i)).append(",Bench item ").append(i).append(",unit,").append(barcode(i)).append(",\"")
                    .append(i % 3 == 0 ? zero : taxed).append("\",").append(minor / 100).append('.').append(String.format("%02d", minor % 100))
                    .append(',').append(dev.tillsync.server.catalog.Catalog.DEFAULT_PRICE_LIST).append('\n');
        }
        var r = new CatalogImport(s.jdbi(), s.catalog().itemFeed()).run(csv.toString().getBytes(StandardCharsets.UTF_8), "bench", false);
        if (!r.applied()) throw new IllegalStateException("the pull catalogue was refused: " + r.refused().getFirst().text());
    }

    /**
     * A stock level for every bench item in one transaction, set-based: one statement for the levels and one batch of
     * feed records (what Catalog.setStockMilli writes, per item, for an edit).
     */
    static void stock(Services s, int n) {
        List<String> codes = new java.util.ArrayList<>(n);
        List<Long> qty = new java.util.ArrayList<>(n);
        List<ChangeFeed.Put> puts = new java.util.ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String code = String.format("BIG-%06d", i);
            long milli = (100 + i % 50) * 1000L;
            codes.add(code);
            qty.add(milli);
            puts.add(new ChangeFeed.Put(Entities.STOCK, DemoSeed.WAREHOUSE, code, StockLevel.ofMilli(code, DemoSeed.WAREHOUSE, milli)));
        }
        s.jdbi().useTransaction(h -> {
            s.feed().lock(h);
            h.createUpdate("""
                    insert into stock (warehouse, item_code, qty_milli) select :w, u.code, u.qty from unnest(:codes, :qty) as u(code, qty)
                    on conflict (warehouse, item_code) do update set qty_milli = excluded.qty_milli, unpublished = false""")
                    .bind("w", DemoSeed.WAREHOUSE).bindArray("codes", String.class, codes).bindArray("qty", Long.class, qty).execute();
            s.feed().putAllLocked(h, puts);
        });
    }

    /** EAN-13 from "29" + a 10-digit number. */
    static String barcode(int i) {
        String twelve = "29" + String.format("%010d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) sum += (k % 2 == 0 ? 1 : 3) * (twelve.charAt(k) - '0');
        return twelve + ((10 - sum % 10) % 10);
    }
}
