package dev.tillsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.desktop.DesktopLauncher;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.CartQuote;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.core.master.Unit;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalOptions;
import dev.tillsync.core.json.Json;
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
 * catalogue and one linked terminal. Without {@code --headless} it opens the desktop POS window on that terminal
 * and stops the server when the window closes. Headless, it plays an online → offline → online day behind a line
 * the demo can cut, and exits 0 only if every transaction synced, the cash balances and the server's stock impact
 * matches what the terminal sold.
 */
public final class DemoMain {
    static final String USAGE = "usage: bin/pos demo [--headless] [--data DIR] [--port N]";

    private final PrintStream out;

    DemoMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo as the command line asks; returns the process exit code (0 ok, 1 demo failed, 2 usage or no display). */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean headless = false;
        Path data = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> headless = true;
                case "--data", "--port" -> {
                    if (i + 1 >= args.length) {
                        err.println("demo: " + args[i] + " needs a value\n" + USAGE);
                        return 2;
                    }
                    if (args[i].equals("--data")) {
                        data = Path.of(args[++i]);
                    } else {
                        try {
                            port = Integer.parseInt(args[++i]);
                        } catch (NumberFormatException e) {
                            err.println("demo: --port needs a number, got '" + args[i] + "'\n" + USAGE);
                            return 2;
                        }
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("demo: unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        DemoMain demo = new DemoMain(out);
        if (!headless && !hasDisplay()) {
            err.println("demo: no display: run `bin/pos demo --headless`, or start under xvfb-run (xvfb-run -a bin/pos demo).");
            return 2;
        }
        if (data == null) data = Files.createTempDirectory("tillsync-demo");
        return headless ? demo.headless(data, port) : demo.window(data, port, err);
    }

    /** JavaFX on Linux draws through X11: without DISPLAY the window cannot open. */
    private static boolean hasDisplay() {
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    private TillServer startServer(Path data, int port) throws Exception {
        out.println("Starting the back office (embedded PostgreSQL) in " + data.resolve("server") + " ...");
        TillServer server = TillServer.start(new ServerOptions(data.resolve("server"), null, port));
        server.admin().seedDemo();
        out.println("Server at " + server.baseUrl() + " (demo catalogue seeded)");
        return server;
    }

    /**
     * Server, linked terminal, then the POS window on the main thread until it is closed. The terminal opened
     * for linking is closed before the window opens: the window opens its own engine on the folder.
     */
    int window(Path data, int port, PrintStream err) throws Exception {
        Path term = data.resolve("terminal");
        TillServer server = startServer(data, port != 0 ? port : previousPort(term));
        Thread stopServer = new Thread(server::close, "tillsync-demo-server-stop");
        Runtime.getRuntime().addShutdownHook(stopServer); // Ctrl-C while the window is open still stops PostgreSQL
        try {
            try (PosTerminal pos = PosTerminal.open(term)) {
                if (!pos.isLinked()) {
                    var r = pos.link(server.baseUrl(), server.admin().issueLinkCode("POS-0001"), "demo terminal");
                    out.println("Terminal linked as " + r.posId() + ", " + r.changesPulled() + " master-data changes pulled.");
                }
            }
            out.println();
            out.println("Back office at " + server.baseUrl() + " (console: " + server.baseUrl() + "/console, manager@demo.shop / manager-pass). "
                    + "Opening the POS window on " + term + ": log in as amira@demo.shop PIN 1234 or ben@demo.shop PIN 5678. "
                    + "Closing the window stops the server.");
            try {
                DesktopLauncher.launch(term);
            } catch (RuntimeException e) {
                // DISPLAY is set but unusable (no X server there, no access): say so instead of a JavaFX stack trace
                err.println("demo: the POS window could not open (" + e.getMessage() + "): run `bin/pos demo --headless`, "
                        + "or start under xvfb-run.");
                return 2;
            }
            return 0;
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopServer);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs, and closing twice is harmless
            }
        }
    }

    /**
     * A terminal linked by an earlier {@code bin/pos demo --data DIR} knows its server by URL: start the server on
     * that port again so the terminal finds it (0, any free port, for a new folder).
     */
    private static int previousPort(Path term) {
        if (!Files.isRegularFile(term.resolve(dev.tillsync.terminal.store.TerminalStore.FILE_NAME))) return 0;
        try (PosTerminal pos = PosTerminal.open(term)) {
            String url = pos.deviceInfo().serverUrl();
            return url == null ? 0 : Math.max(0, URI.create(url).getPort());
        } catch (RuntimeException unreadable) {
            return 0; // a broken folder gets a fresh port; linking will say what is wrong with it
        }
    }

    int headless(Path data, int port) throws Exception {
        try (TillServer server = startServer(data, port); LineCutter line = new LineCutter(server.port())) {
            TerminalOptions opts = TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(10))
                    .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));
            try (PosTerminal pos = PosTerminal.open(data.resolve("terminal"), opts)) {
                pos.addListener(this::narrate);
                var link = pos.link(line.url(), server.admin().issueLinkCode("POS-0001"), "demo terminal");
                out.println("1. Terminal linked as " + link.posId() + " through " + line.url() + ", " + link.changesPulled() + " changes pulled");
                pos.login("amira@demo.shop", "1234");
                long floatMinor = Money.parse("100.00");
                pos.openShift(floatMinor, null);
                out.println("2. amira logged in (PIN checked offline), shift opened with float 100.00");
                pos.startBackground();
                waitFor("online", pos::online, 20);
                Map<String, Long> sold = new HashMap<>();
                long cashNet = 0;
                SaleReceipt online = sell(pos, sold, "4006381333931", 2, "Cash", "10.00");
                cashNet += online.grandTotalMinor() + online.invoice().roundingMinor();
                out.println("3. Online sale " + online.number() + " total " + Money.format(online.grandTotalMinor()) + " change "
                        + Money.format(online.changeMinor()));
                long stockBefore = pos.findItem("ITEM-0002").orElseThrow().localStock();

                out.println("4. Cutting the line ...");
                line.cut();
                waitFor("offline detected", () -> !pos.online(), 20);
                for (int i = 0; i < 3; i++) {
                    SaleReceipt r = sell(pos, sold, "ITEM-0002", 1, "Cash", "100.00");
                    cashNet += r.grandTotalMinor() + r.invoice().roundingMinor();
                    check(r.offline() && r.text().contains("OFFLINE"), "offline receipt says OFFLINE");
                    out.println("   Offline sale " + r.number() + " total " + Money.format(r.grandTotalMinor()) + " — receipt: OFFLINE — will sync");
                }
                SaleReceipt card = sell(pos, sold, "ITEM-0003", 2, "Card", null);
                out.println("   Offline card sale " + card.number() + " total " + Money.format(card.grandTotalMinor()));
                // Selling the way shops sell, still offline: a weighed line from a scale label, a discounted line, cash rounding.
                String label = "210004201250";
                label += dev.tillsync.core.master.Gtin.checkDigit(label);
                SaleReceipt shop = sell(pos, sold, List.of(SaleItem.parse(label), SaleItem.parse("ITEM-0004:2:10%")), "Cash", null);
                var weighed = shop.invoice().lines().get(0);
                var discounted = shop.invoice().lines().get(1);
                boolean shopOk = check(weighed.itemCode().equals("FRUIT-BANANA") && weighed.quantityMilli() == 1250,
                        "scale label " + label + " sold 1.250 kg of FRUIT-BANANA");
                shopOk &= check(discounted.lineDiscountMinor() != null && discounted.lineDiscountMinor() > 0, "ITEM-0004 sold 10% off");
                out.println("   Offline sale " + shop.number() + ": 1.250 kg Bananas " + Money.format(weighed.totalMinor()) + ", 2 x ITEM-0004 10% off (-"
                        + Money.format(discounted.lineDiscountMinor()) + "), total " + Money.format(shop.grandTotalMinor()) + ", paid in cash "
                        + Money.format(shop.invoice().payments().get(0).amountMinor()) + " (cash rounding " + Money.format(shop.invoice().roundingMinor()) + ")");
                cashNet += shop.grandTotalMinor() + shop.invoice().roundingMinor();
                SaleReceipt rounded = shop;
                if (shop.invoice().roundingMinor() == 0) {
                    rounded = sell(pos, sold, "ITEM-0001", 1, "Cash", null);
                    cashNet += rounded.grandTotalMinor() + rounded.invoice().roundingMinor();
                    out.println("   Offline cash sale " + rounded.number() + " total " + Money.format(rounded.grandTotalMinor()) + ", paid "
                            + Money.format(rounded.invoice().payments().get(0).amountMinor()) + " (cash rounding " + Money.format(rounded.invoice().roundingMinor()) + ")");
                }
                shopOk &= check(rounded.invoice().roundingMinor() != 0, "a cash sale was rounded to 0.05");
                long stockAfter = pos.findItem("ITEM-0002").orElseThrow().localStock();
                check(stockAfter == stockBefore - 3, "local stock of ITEM-0002 went " + stockBefore + " -> " + stockAfter);
                out.println("   Local stock ITEM-0002: " + stockBefore + " -> " + stockAfter);

                out.println("5. Restoring the line; the connectivity monitor notices and syncs automatically ...");
                line.restore();
                waitFor("every transaction Synced", () -> allSynced(pos), 60);

                ShiftCloseReport close = pos.closeShift(floatMinor + cashNet);
                out.printf("6. Shift closed: expected cash %s, counted %s, difference %s%n", Money.format(close.expectedCashMinor()),
                        Money.format(close.countedCashMinor()), Money.format(close.differenceMinor()));
                pos.syncNow().join();
                waitFor("shift close Synced", () -> allSynced(pos), 30);
                pos.stop();

                out.println("7. Reconciliation from the back office (GET /api/v1/reports/reconciliation?posId=POS-0001):");
                JsonNode report = reconciliation(server.baseUrl());
                JsonNode device = report.path("devices").path(0);
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(device));
                long terminalTotal = pos.history(new HistoryFilter(null, true, 1000)).stream().mapToLong(HistoryEntry::totalMinor).sum();
                boolean ok = shopOk;
                ok &= check(allSynced(pos), "every transaction on the terminal is Synced");
                ok &= check(close.differenceMinor() == 0, "cash balances on the terminal");
                ok &= check(device.path("grandTotalMinor").asLong() == terminalTotal, "server total " + device.path("grandTotalMinor").asLong()
                        + " equals terminal total " + terminalTotal);
                ok &= check(cashBalancesOnServer(device), "cash balances on the server's shift");
                for (Map.Entry<String, Long> e : sold.entrySet()) {
                    long impact = stockImpact(device, e.getKey());
                    ok &= check(impact == -e.getValue(), "server stock impact of " + e.getKey() + " is " + Unit.format(impact) + " (sold "
                            + Unit.format(e.getValue()) + ")");
                }
                ok &= check(device.path("discountMinor").asLong() == terminalDiscounts(pos), "server discounts " + Money.format(device.path("discountMinor").asLong())
                        + " equal the till's " + Money.format(terminalDiscounts(pos)));
                ok &= check(device.path("roundingMinor").asLong() == terminalRounding(pos), "server cash rounding " + Money.format(device.path("roundingMinor").asLong())
                        + " equals the till's " + Money.format(terminalRounding(pos)));
                out.println(ok ? "DEMO OK: online → offline → online, nothing lost, nothing doubled." : "DEMO FAILED");
                return ok ? 0 : 1;
            }
        }
    }

    private static SaleReceipt sell(PosTerminal pos, Map<String, Long> sold, String item, long qty, String mode, String amount) {
        return sell(pos, sold, List.of(SaleItem.units(item, qty)), mode, amount);
    }

    /**
     * Sells {@code lines}, paying {@code amount} (or exactly what is due: the total by card, the rounded total in cash),
     * and counts what left the shelf in thousandths per item.
     */
    private static SaleReceipt sell(PosTerminal pos, Map<String, Long> sold, List<SaleItem> lines, String mode, String amount) {
        CartQuote quote = pos.quote(lines, null, null);
        long due = mode.equalsIgnoreCase("Cash") ? quote.cashDueMinor() : quote.totalMinor();
        long pay = amount == null ? due : Money.parse(amount);
        SaleReceipt r = pos.recordSale(new SaleRequest(lines, null, List.of(new Payment(mode, pay, null))));
        for (var l : r.invoice().lines()) sold.merge(l.itemCode(), l.quantityMilli(), Long::sum);
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

    /** What the server's stock lost of {@code item}, in thousandths of its unit. */
    private static long stockImpact(JsonNode device, String item) {
        for (JsonNode s : device.path("stockImpact")) {
            if (item.equals(s.path("itemCode").asText())) return s.path("qtyMilli").asLong();
        }
        return 0;
    }

    private static long terminalDiscounts(PosTerminal pos) {
        return pos.history(new HistoryFilter(null, true, 1000)).stream().mapToLong(HistoryEntry::discountMinor).sum();
    }

    private static long terminalRounding(PosTerminal pos) {
        return pos.history(new HistoryFilter(null, true, 1000)).stream().mapToLong(HistoryEntry::roundingMinor).sum();
    }

    private boolean check(boolean ok, String what) {
        out.println("   [" + (ok ? "ok" : "FAIL") + "] " + what);
        return ok;
    }

    private static void waitFor(String what, BooleanSupplier cond, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("demo: timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private void narrate(TerminalEvent e) {
        if (e instanceof TerminalEvent.ConnectivityChanged c) {
            out.println("   >> terminal is now " + (c.online() ? "ONLINE" : "OFFLINE") + " (" + c.reason() + ")");
        } else if (e instanceof TerminalEvent.SyncFinished f && (f.summary().sent() > 0 || f.summary().error() != null)) {
            out.println("   >> sync: " + f.summary().synced() + " synced, " + f.summary().duplicates() + " duplicates, "
                    + f.summary().failed().size() + " failed" + (f.summary().error() == null ? "" : " (stopped: " + f.summary().error() + ")"));
        }
    }
}
