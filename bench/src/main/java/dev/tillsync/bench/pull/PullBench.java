package dev.tillsync.bench.pull;

import dev.tillsync.bench.env.BenchServer;
import dev.tillsync.bench.env.Folders;
import dev.tillsync.bench.report.BenchReport;
import dev.tillsync.bench.report.TextTable;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.server.Services;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
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
            seed(server.server().services(), o.items());
            double seedSecs = (System.nanoTime() - s0) / 1e9;
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
                t.row("server-side catalogue creation (Catalog.upsertItem + setStock, 1000 per transaction), s", seedSecs);
                report.table(t).figure("itemsPerSec", total / pullSecs).figure("firstSaleSec", firstSale);
                report.note("pages of " + dev.tillsync.terminal.sync.SyncEngine.PULL_LIMIT + " changes, each applied in one SQLite transaction; "
                        + "no baseline was asked for this figure.");
            }
        }
        return report;
    }

    /** Items BIG-000001..: server-side through the catalogue code, so they reach the pull feed like any edit. */
    static void seed(Services s, int n) {
        for (int from = 1; from <= n; from += 1000) {
            int start = from;
            s.jdbi().useTransaction(h -> {
                for (int i = start; i < start + 1000 && i <= n; i++) {
                    String code = String.format("BIG-%06d", i);
                    s.catalog().upsertItem(h, new ItemData(code, "Bench item " + i, List.of(barcode(i)), 100 + (i % 5000), i % 3 == 0 ? 0 : 1500, true));
                    s.catalog().setStockMilli(h, DemoSeed.WAREHOUSE, code, (100 + i % 50) * 1000L);
                }
            });
        }
    }

    /** EAN-13 from "29" + a 10-digit number. */
    static String barcode(int i) {
        String twelve = "29" + String.format("%010d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) sum += (k % 2 == 0 ? 1 : 3) * (twelve.charAt(k) - '0');
        return twelve + ((10 - sum % 10) % 10);
    }
}
