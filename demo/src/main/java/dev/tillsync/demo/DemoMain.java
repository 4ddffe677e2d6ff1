package dev.tillsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalOptions;
import dev.tillsync.terminal.store.TerminalJson;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code bin/pos demo [--headless] [--data DIR] [--port N]}: a server on embedded PostgreSQL with the demo
 * catalogue, one linked terminal behind a line the demo can cut. Headless, it plays an online → offline →
 * online day and exits 0 only if every transaction synced, the cash balances and the server's stock impact
 * matches what the terminal sold.
 */
public final class DemoMain {
    private static final PrintStream OUT = System.out;

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        boolean headless = false;
        Path data = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> headless = true;
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    OUT.println("usage: bin/pos demo [--headless] [--data DIR] [--port N]");
                    return;
                }
                default -> {
                    System.err.println("demo: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (data == null) data = Files.createTempDirectory("tillsync-demo");
        System.exit(headless ? new DemoMain().headless(data, port) : interactive(data, port));
    }

    private static TillServer startServer(Path data, int port) throws Exception {
        OUT.println("Starting the back office (embedded PostgreSQL) in " + data.resolve("server") + " ...");
        TillServer server = TillServer.start(new ServerOptions(data.resolve("server"), null, port));
        server.admin().seedDemo();
        OUT.println("Server at " + server.baseUrl() + " (demo catalogue seeded)");
        return server;
    }

    private static int interactive(Path data, int port) throws Exception {
        TillServer server = startServer(data, port);
        Path term = data.resolve("terminal");
        try (PosTerminal pos = PosTerminal.open(term)) {
            if (!pos.isLinked()) {
                var r = pos.link(server.baseUrl(), server.admin().issueLinkCode("POS-0001"), "demo terminal");
                OUT.println("Terminal linked as " + r.posId() + ", " + r.changesPulled() + " master-data changes pulled.");
            }
        }
        OUT.println();
        OUT.println("The desktop window is not part of this build yet; use the terminal CLI against this server:");
        String t = "bin/pos terminal --data " + term;
        OUT.println("  " + t + " login --user amira@demo.shop --pin 1234");
        OUT.println("  " + t + " shift open --float 100.00");
        OUT.println("  " + t + " sell --item 4006381333931:2 --pay Cash:5.00");
        OUT.println("  " + t + " sync");
        OUT.println("  " + t + " history");
        OUT.println("  " + t + " status");
        OUT.println("Server keeps running at " + server.baseUrl() + "; Ctrl-C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
        return 0;
    }

    int headless(Path data, int port) throws Exception {
        try (TillServer server = startServer(data, port); LineCutter line = new LineCutter(server.port())) {
            TerminalOptions opts = TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(10))
                    .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));
            try (PosTerminal pos = PosTerminal.open(data.resolve("terminal"), opts)) {
                pos.addListener(DemoMain::narrate);
                var link = pos.link(line.url(), server.admin().issueLinkCode("POS-0001"), "demo terminal");
                OUT.println("1. Terminal linked as " + link.posId() + " through " + line.url() + ", " + link.changesPulled() + " changes pulled");
                pos.login("amira@demo.shop", "1234");
                long floatMinor = Money.parse("100.00");
                pos.openShift(floatMinor, null);
                OUT.println("2. amira logged in (PIN checked offline), shift opened with float 100.00");
                pos.startBackground();
                waitFor("online", pos::online, 20);
                Map<String, Long> sold = new HashMap<>();
                long cashNet = 0;
                SaleReceipt online = sell(pos, sold, "4006381333931", 2, "Cash", "10.00");
                cashNet += online.grandTotalMinor();
                OUT.println("3. Online sale " + online.number() + " total " + Money.format(online.grandTotalMinor()) + " change "
                        + Money.format(online.changeMinor()));
                long stockBefore = pos.findItem("ITEM-0002").orElseThrow().localStock();

                OUT.println("4. Cutting the line ...");
                line.cut();
                waitFor("offline detected", () -> !pos.online(), 20);
                for (int i = 0; i < 3; i++) {
                    SaleReceipt r = sell(pos, sold, "ITEM-0002", 1, "Cash", "100.00");
                    cashNet += r.grandTotalMinor();
                    check(r.offline() && r.text().contains("OFFLINE"), "offline receipt says OFFLINE");
                    OUT.println("   Offline sale " + r.number() + " total " + Money.format(r.grandTotalMinor()) + " — receipt: OFFLINE — will sync");
                }
                SaleReceipt card = sell(pos, sold, "ITEM-0003", 2, "Card", null);
                OUT.println("   Offline card sale " + card.number() + " total " + Money.format(card.grandTotalMinor()));
                long stockAfter = pos.findItem("ITEM-0002").orElseThrow().localStock();
                check(stockAfter == stockBefore - 3, "local stock of ITEM-0002 went " + stockBefore + " -> " + stockAfter);
                OUT.println("   Local stock ITEM-0002: " + stockBefore + " -> " + stockAfter);

                OUT.println("5. Restoring the line; the connectivity monitor notices and syncs automatically ...");
                line.restore();
                waitFor("every transaction Synced", () -> allSynced(pos), 60);

                ShiftCloseReport close = pos.closeShift(floatMinor + cashNet);
                OUT.printf("6. Shift closed: expected cash %s, counted %s, difference %s%n", Money.format(close.expectedCashMinor()),
                        Money.format(close.countedCashMinor()), Money.format(close.differenceMinor()));
                pos.syncNow().join();
                waitFor("shift close Synced", () -> allSynced(pos), 30);
                pos.stop();

                OUT.println("7. Reconciliation from the back office (GET /api/v1/reports/reconciliation?posId=POS-0001):");
                JsonNode report = reconciliation(server.baseUrl());
                JsonNode device = report.path("devices").path(0);
                OUT.println(TerminalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(device));
                long terminalTotal = pos.history(new HistoryFilter(null, true, 1000)).stream().mapToLong(HistoryEntry::totalMinor).sum();
                boolean ok = true;
                ok &= check(allSynced(pos), "every transaction on the terminal is Synced");
                ok &= check(close.differenceMinor() == 0, "cash balances on the terminal");
                ok &= check(device.path("grandTotalMinor").asLong() == terminalTotal, "server total " + device.path("grandTotalMinor").asLong()
                        + " equals terminal total " + terminalTotal);
                ok &= check(cashBalancesOnServer(device), "cash balances on the server's shift");
                for (Map.Entry<String, Long> e : sold.entrySet()) {
                    long impact = stockImpact(device, e.getKey());
                    ok &= check(impact == -e.getValue(), "server stock impact of " + e.getKey() + " is " + impact + " (sold " + e.getValue() + ")");
                }
                OUT.println(ok ? "DEMO OK: online → offline → online, nothing lost, nothing doubled." : "DEMO FAILED");
                return ok ? 0 : 1;
            }
        }
    }

    private static SaleReceipt sell(PosTerminal pos, Map<String, Long> sold, String item, long qty, String mode, String amount) {
        long total = pos.findItem(item).map(i -> dev.tillsync.core.invoice.InvoiceLine.of(i.code(), i.name(), qty, i.priceMinor(), i.taxRateBp()).totalMinor())
                .orElseThrow();
        long pay = amount == null ? total : Money.parse(amount);
        SaleReceipt r = pos.recordSale(new SaleRequest(List.of(new SaleItem(item, qty)), null, List.of(new Payment(mode, pay, null))));
        sold.merge(r.invoice().lines().get(0).itemCode(), qty, Long::sum);
        return r;
    }

    private static boolean allSynced(PosTerminal pos) {
        return pos.history(HistoryFilter.all()).stream().allMatch(e -> e.status() == SyncStatus.SYNCED);
    }

    private static JsonNode reconciliation(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"manager@demo.shop\",\"password\":\"manager-pass\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) throw new IllegalStateException("manager login failed: " + login.body());
        String token = json.readTree(login.body()).path("token").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/reconciliation?posId=POS-0001"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("reconciliation failed: " + r.body());
        return json.readTree(r.body());
    }

    private static boolean cashBalancesOnServer(JsonNode device) {
        for (JsonNode s : device.path("shifts")) {
            if (!s.path("cashDifferenceMinor").isMissingNode() && !s.path("cashDifferenceMinor").isNull() && s.path("cashDifferenceMinor").asLong() != 0) {
                return false;
            }
        }
        return device.path("shifts").size() > 0;
    }

    private static long stockImpact(JsonNode device, String item) {
        for (JsonNode s : device.path("stockImpact")) {
            if (item.equals(s.path("itemCode").asText())) return s.path("qty").asLong();
        }
        return 0;
    }

    private static boolean check(boolean ok, String what) {
        OUT.println("   [" + (ok ? "ok" : "FAIL") + "] " + what);
        return ok;
    }

    private static void waitFor(String what, BooleanSupplier cond, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("demo: timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private static void narrate(TerminalEvent e) {
        if (e instanceof TerminalEvent.ConnectivityChanged c) {
            OUT.println("   >> terminal is now " + (c.online() ? "ONLINE" : "OFFLINE") + " (" + c.reason() + ")");
        } else if (e instanceof TerminalEvent.SyncFinished f && (f.summary().sent() > 0 || f.summary().error() != null)) {
            OUT.println("   >> sync: " + f.summary().synced() + " synced, " + f.summary().duplicates() + " duplicates, "
                    + f.summary().failed().size() + " failed" + (f.summary().error() == null ? "" : " (stopped: " + f.summary().error() + ")"));
        }
    }
}
