package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.support.PrinterSimulator;
import dev.tillsync.terminal.support.PrinterSimulator.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI printing to a simulated network printer on 127.0.0.1: every cash sale's stream carries the drawer pulse
 * after the cut and no card sale's does; a printer that refuses, hangs, closes mid-receipt or has no paper is reported
 * to the cashier within its deadline while the sale stands, queued for sync.
 */
class PrinterCliTest {
    @TempDir
    Path dir;

    Run run(String... args) {
        return Cli.run(dir, args);
    }

    @BeforeEach
    void cashierWithOpenShift() {
        LocalDevice.prepare(dir);
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "50.00").exit()).isZero();
    }

    @Test
    void hundredOfHundredCashSalesCarryTheDrawerPulseAndCardSalesDoNot() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.OK)) {
            Run set = run("config", "set", "printer", printer.target());
            assertThat(set.exit()).as(set.err()).isZero();
            for (int i = 1; i <= 100; i++) {
                Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
                assertThat(sale.exit()).as(sale.err()).isZero();
                assertThat(sale.out()).contains("Printed on " + printer.target());
            }
            List<PrinterSimulator.Job> cash = printer.awaitJobs(100, Duration.ofSeconds(10));
            for (PrinterSimulator.Job job : cash) {
                assertReceiptThenPulse(job);
                assertThat(job.commands()).filteredOn(c -> c.kind().equals("pulse")).singleElement()
                        .extracting(c -> c.detail()).isEqualTo("0/25/250"); // pin 2, 50 ms on, 500 ms off
                assertThat(job.text() + job.outline()).containsAnyOf("INVOICE POS-0001-", "raster");
            }
            assertThat(cash).extracting(j -> j.count("pulse")).containsOnly(1L).hasSize(100);

            for (int i = 0; i < 20; i++) {
                Run sale = run("sell", "--item", "ITEM-0002", "--pay", "Card:2.30");
                assertThat(sale.exit()).as(sale.err()).isZero();
            }
            List<PrinterSimulator.Job> all = printer.awaitJobs(120, Duration.ofSeconds(10));
            assertThat(all.subList(100, 120)).allSatisfy(j -> {
                assertThat(j.count("pulse")).isZero();
                assertThat(j.count("cut")).isEqualTo(1);
            });
            // a split tender with cash in it opens the drawer; a reprint never does
            assertThat(run("sell", "--item", "ITEM-0002", "--pay", "Card:1.00", "--pay", "Cash:1.30").exit()).isZero();
            assertThat(printer.awaitJobs(121, Duration.ofSeconds(5)).get(120).count("pulse")).isEqualTo(1);
            Run reprint = run("reprint", "POS-0001-000001");
            assertThat(reprint.exit()).as(reprint.err()).isZero();
            PrinterSimulator.Job again = printer.awaitJobs(122, Duration.ofSeconds(5)).get(121);
            assertThat(again.text()).contains("REPRINT");
            assertThat(again.count("pulse")).isZero();
        }
    }

    @Test
    void drawerPinAndPulseAreSettingsAndBadOnesAreRefused() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.OK)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            assertThat(run("config", "set", "drawer", "5").out()).contains("pin 5");
            assertThat(run("config", "set", "drawer-pulse", "100/400").out()).contains("100 ms on / 400 ms off");
            assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
            assertThat(printer.awaitJobs(1, Duration.ofSeconds(5)).getFirst().commands())
                    .filteredOn(c -> c.kind().equals("pulse")).extracting(c -> c.detail()).containsExactly("1/50/200");
            Run badPin = run("config", "set", "drawer", "3");
            assertThat(badPin.exit()).isEqualTo(TerminalMain.REFUSED);
            assertThat(badPin.err()).contains("bad_drawer_setting").contains("2 or 5");
            assertThat(run("config", "set", "drawer-pulse", "5000/1").err()).contains("2 to 510 ms");
            assertThat(run("config", "set", "drawer", "off").exit()).isZero();
            assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").exit()).isZero();
            assertThat(printer.awaitJobs(2, Duration.ofSeconds(5)).get(1).count("pulse")).isZero();
            assertThat(run("log", "show").out()).contains("pin 5").contains("off (no cash drawer) by amira@demo.shop");
        }
    }

    @Test
    void badTargetsAreRefusedWithWhatAGoodOneLooksLike() {
        for (String bad : List.of("tcp://", "tcp://printer:port", "tcp://10.0.0.5:70000", "http://10.0.0.5", "cups:has space",
                "tcp://10.0.0.5?color=red", dir.resolve("no-such-folder/lp0").toString())) {
            Run r = run("config", "set", "printer", bad);
            assertThat(r.exit()).as(bad).isEqualTo(TerminalMain.REFUSED);
            assertThat(r.err()).as(bad).contains("bad_printer_target").contains("'" + bad + "'");
        }
        assertThat(run("status", "--no-probe").exit()).isZero();
        assertThat(run("config", "set", "printer", "tcp://192.168.1.50").out()).contains("printer set to tcp://192.168.1.50");
        assertThat(run("config", "set", "printer", "cups:Front_Desk").exit()).isZero();
        assertThat(run("logout").exit()).isZero();
        assertThat(run("login", "--user", "ben@demo.shop", "--pin", "5678").exit()).isZero();
        assertThat(run("config", "set", "printer", "tcp://10.0.0.9").err()).contains("can_configure_pos");
    }

    @Test
    void aRefusingPrinterIsReportedAtOnceAndTheSaleIsQueued() throws Exception {
        String target = "tcp://127.0.0.1:" + PrinterSimulator.closedPort();
        assertThat(run("config", "set", "printer", target).exit()).isZero();
        long t0 = System.nanoTime();
        Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(sale.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
        assertThat(sale.out()).contains("Recorded POS-0001-000001");
        assertThat(sale.err()).contains("Receipt not printed: the printer at " + target + " refused the connection")
                .contains("(tried twice)")
                .contains("The sale POS-0001-000001 is saved; reprint with: terminal reprint POS-0001-000001")
                .contains("The cash drawer was not opened either: terminal drawer open");
        assertThat(ms).isLessThan(3_000);
        assertSaleQueued("POS-0001-000001");
        Run test = run("printer", "test");
        assertThat(test.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
        assertThat(test.err()).contains("Test print failed: the printer at " + target + " refused the connection");
    }

    @Test
    void aHangingPrinterIsReportedWithinItsDeadline() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.HANG)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            long t0 = System.nanoTime();
            Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(sale.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
            assertThat(sale.err()).contains("Receipt not printed: the printer at " + printer.target()
                    + " took the receipt but did not confirm it within 5 s").contains("reprint with: terminal reprint POS-0001-000001");
            assertThat(ms).as("one attempt, no retry: the printer may be printing").isBetween(4_500L, 8_000L);
            assertSaleQueued("POS-0001-000001");
        }
    }

    @Test
    void aPrinterThatClosesMidReceiptIsRetriedOnceThenReported() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.CLOSE_MID_RECEIPT)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            long t0 = System.nanoTime();
            Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(sale.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
            assertThat(sale.err()).contains("Receipt not printed: the printer at " + printer.target()).contains("(tried twice)")
                    .contains("The sale POS-0001-000001 is saved");
            assertThat(ms).isLessThan(5_000);
            assertThat(printer.awaitJobs(2, Duration.ofSeconds(5))).hasSize(2)
                    .allSatisfy(j -> assertThat(j.bytes()).hasSize(PrinterSimulator.CLOSE_AFTER));
            assertSaleQueued("POS-0001-000001");
            printer.behave(Behaviour.OK); // back on: the reprint goes through
            Run reprint = run("reprint", "POS-0001-000001");
            assertThat(reprint.exit()).as(reprint.err()).isZero();
        }
    }

    @Test
    void aListenerThatNeverAnswersStatusButClosesAfterTheJobCountsAsPrinted() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.NO_STATUS)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            long t0 = System.nanoTime();
            Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
            assertThat(sale.exit()).as(sale.err()).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
            assertReceiptThenPulse(printer.awaitJobs(1, Duration.ofSeconds(5)).getFirst());
        }
    }

    @Test
    void aPrinterOutOfPaperSaysSo() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.PAPER_OUT)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            Run sale = run("sell", "--item", "ITEM-0002", "--pay", "Card:2.30");
            assertThat(sale.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
            assertThat(sale.err()).contains("is out of paper: load a roll, then reprint").doesNotContain("drawer");
            assertSaleQueued("POS-0001-000001");
        }
    }

    @Test
    void testPrintAndOpenDrawerGoToThePrinterAndTheOpeningIsLogged() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.OK)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            Run test = run("printer", "test");
            assertThat(test.exit()).as(test.err()).isZero();
            assertThat(test.out()).contains("Test print sent to " + printer.target() + ": OK in").contains("Drawer: pin 2");
            PrinterSimulator.Job job = printer.awaitJobs(1, Duration.ofSeconds(5)).getFirst();
            assertThat(job.text()).contains("TEST PRINT").contains("Printer: " + printer.target()).contains("POS: POS-0001")
                    .contains("By: amira@demo.shop");
            assertThat(job.count("pulse")).isZero();

            Run open = run("drawer", "open", "--reason", "change for the float");
            assertThat(open.exit()).as(open.err()).isZero();
            assertThat(open.out()).contains("Drawer opened");
            assertThat(printer.awaitJobs(2, Duration.ofSeconds(5)).get(1).outline()).containsExactly("init", "pulse", "status", "status");
            assertThat(run("log", "show").out()).contains("drawer_open").contains("amira@demo.shop")
                    .contains("sent to " + printer.target() + " (change for the float)");

            assertThat(run("logout").exit()).isZero();
            assertThat(run("login", "--user", "ben@demo.shop", "--pin", "5678").exit()).isZero();
            Run refused = run("drawer", "open");
            assertThat(refused.exit()).isEqualTo(TerminalMain.REFUSED);
            assertThat(refused.err()).contains("not_permitted").contains("may not open the cash drawer");
            assertThat(printer.jobs()).hasSize(2);
        }
    }

    /**
     * Initialise first; then the receipt (code page and text, or a raster), any barcode and QR, the feed and the cut;
     * the drawer pulse after the cut (the drawer opens as the receipt is torn off); the two status requests last.
     */
    static void assertReceiptThenPulse(PrinterSimulator.Job job) {
        List<String> o = job.outline();
        assertThat(o).as(job.commands().toString()).startsWith("init").endsWith("cut", "pulse", "status", "status")
                .containsOnlyOnce("cut", "pulse").containsAnyOf("text", "raster");
        int cut = o.indexOf("cut");
        for (String before : List.of("text", "raster", "barcode", "qr", "feed")) {
            if (o.contains(before)) assertThat(o.lastIndexOf(before)).as(before + " before the cut: " + o).isLessThan(cut);
        }
    }

    private void assertSaleQueued(String number) {
        Run hist = run("history");
        assertThat(hist.out()).contains(number).contains("Pending");
        assertThat(run("status", "--no-probe").out()).contains("2 pending"); // the shift and the sale
    }

    @Test
    void receiptColumnsAreSetForTheTillsPaperAndABadWidthIsRefused() {
        Run set = run("config", "set", "receipt-columns", "32");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("receipt-columns set to 32");
        Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(sale.exit()).as(sale.err()).isZero();
        String receipt = sale.out().substring(0, sale.out().indexOf("Recorded "));
        assertThat(receipt.lines().filter(l -> !l.isBlank())).isNotEmpty().allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(32));
        Run bad = run("config", "set", "receipt-columns", "40");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("32 columns (58 mm paper), 42 or 48");
        assertThat(run("config", "set", "receipt-columns", "wide").err()).contains("receipt-columns takes 32");
    }

    /** Issue 19's "done when": a listening socket gets a receipt with the pulse, the number's barcode and a ZATCA QR of the sale. */
    @Test
    void aCashSaleOnANetworkPrinterCarriesThePulseTheBarcodeAndAQrOfTheSalesFigures() throws Exception {
        // The profile as the back office sends it for a Saudi shop: a seller name and a VAT number.
        try (dev.tillsync.terminal.store.TerminalStore store = dev.tillsync.terminal.store.TerminalStore.open(dir)) {
            var profile = new dev.tillsync.core.master.ProfileData("Main Store", "Main", "Standard Selling", List.of("Cash", "Card"),
                    "VAT 15", "Demo Shop", "Thank you", "pk-1", null, "SAR", 2, 0, 0, "Corner Shop LLC", "310122393500003", 60, false, null);
            store.useTx(h -> new dev.tillsync.terminal.sync.PullApplier().apply(h, new dev.tillsync.core.sync.PullPage("c2", false, 0,
                    List.of(LocalDevice.change(dev.tillsync.core.sync.Entities.PROFILE, "Main Store", profile))), java.time.Instant.now()));
        }
        try (PrinterSimulator printer = new PrinterSimulator(Behaviour.OK)) {
            assertThat(run("config", "set", "printer", printer.target()).exit()).isZero();
            Run sale = run("sell", "--item", "ITEM-0001:2", "--pay", "Cash:5", "--json");
            assertThat(sale.exit()).as(sale.err()).isZero();
            var invoice = sale.json();
            PrinterSimulator.Job job = printer.awaitJobs(1, Duration.ofSeconds(10)).getFirst();
            assertThat(job.count("pulse")).isEqualTo(1);
            assertThat(job.commands()).filteredOn(c -> c.kind().equals("barcode")).singleElement()
                    .extracting(c -> c.detail()).asString().endsWith(invoice.path("number").asText());
            java.util.Map<Integer, String> tlv = dev.tillsync.core.receipt.ZatcaQr.decode(qrPayload(job.bytes()));
            assertThat(tlv.get(1)).isEqualTo("Corner Shop LLC");
            assertThat(tlv.get(2)).isEqualTo("310122393500003");
            assertThat(tlv.get(3)).isEqualTo(invoice.path("postedAt").asText().replaceAll("\\.\\d+Z$", "Z"));
            assertThat(tlv.get(4)).isEqualTo(dev.tillsync.core.money.Money.format(invoice.path("grandTotalMinor").asLong()));
            assertThat(tlv.get(5)).isEqualTo(dev.tillsync.core.money.Money.format(invoice.path("taxTotalMinor").asLong()));
        }
    }

    /** The data of the QR's "store" command (GS ( k pL pH 49 80 48 d...), as the printer receives it. */
    private static String qrPayload(byte[] b) {
        for (int i = 0; i + 7 < b.length; i++) {
            if (b[i] == 0x1D && b[i + 1] == '(' && b[i + 2] == 'k' && b[i + 6] == 80) {
                int len = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
                return new String(b, i + 8, len - 3, java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        throw new AssertionError("no QR store command in the stream");
    }
}
