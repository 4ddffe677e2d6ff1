package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.cli.TerminalCommand;
import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real CLI entry point on a locally linked data folder: exit codes and messages for good and bad input. */
class CliTest {
    @TempDir
    Path dir;

    Run run(String... args) {
        return Cli.run(dir, args);
    }

    @BeforeEach
    void link() {
        LocalDevice.prepare(dir);
    }

    @Test
    void aPreviewThatCannotBeWrittenExitsNotPrintedWithTheReprintHintAndTheSaleStands() throws Exception {
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "50.00").exit()).isZero();
        java.nio.file.Files.createDirectories(dir.resolve("receipts/POS-0001-000001.pdf"));
        Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(sale.exit()).isEqualTo(TerminalMain.NOT_PRINTED);
        assertThat(sale.out()).contains("Recorded POS-0001-000001").contains("Printed to").doesNotContain("Preview");
        assertThat(sale.err()).contains("warning [not_printed]").contains("The sale is recorded")
                .contains("Reprint it with: terminal reprint POS-0001-000001");
        assertThat(run("history").out()).contains("POS-0001-000001").contains("Pending");
        Run json = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        SaleRecordingTest.assertValidPreview(dir.resolve("receipts/POS-0001-000002.pdf"), "POS-0001-000002");
    }

    @Test
    void cashierDayThroughTheCli() throws Exception {
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:5").err()).contains("not_logged_in");
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        Run noShift = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        assertThat(noShift.exit()).isEqualTo(1);
        assertThat(noShift.err()).contains("no_open_shift").contains("shift open");
        assertThat(run("shift", "open", "--float", "50.00").exit()).isZero();
        Run sale = run("sell", "--item", "4006381333931:2", "--item", "ITEM-0002", "--pay", "Card:2.30", "--pay", "Cash:5");
        assertThat(sale.exit()).as(sale.err()).isZero();
        assertThat(sale.out()).contains("POS-0001-000001").contains("OFFLINE").contains("change 1.55")
                .contains("Preview " + dir.resolve("receipts/POS-0001-000001.pdf"));
        SaleRecordingTest.assertValidPreview(dir.resolve("receipts/POS-0001-000001.pdf"), "POS-0001-000001");
        assertThat(run("sell", "--item", "NOPE", "--pay", "Cash:5").err()).contains("unknown_item");
        assertThat(run("sell", "--item", "ITEM-0001:0", "--pay", "Cash:5").err()).contains("bad_quantity");
        assertThat(run("sell", "--item", "ITEM-0001:x", "--pay", "Cash:5").err()).contains("bad_quantity");
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:1").err()).contains("underpaid");
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Voucher:5").err()).contains("unknown_payment_mode");
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:abc").err()).contains("bad_amount");
        Run ret = run("return", "--against", "POS-0001-000001", "--item", "ITEM-0002:1", "--pay", "Cash:-2.30");
        assertThat(ret.exit()).as(ret.err()).isZero();
        assertThat(run("customer", "add", "--name", "Lina", "--phone", "555").out()).contains("CUST-0001-00001");
        Run hist = run("history");
        assertThat(hist.out()).contains("POS-0001-000001").contains("POS-0001-000002").contains("Pending");
        assertThat(run("history", "--status", "failed", "--json").out().trim()).isEqualTo("[ ]");
        Run status = run("status", "--no-probe");
        assertThat(status.out()).contains("POS-0001").contains("OFFLINE").contains("4 pending").contains("amira@demo.shop");
        Run close = run("shift", "close", "--counted", "51.15");
        assertThat(close.out()).contains("Expected cash").contains("51.15").contains("balanced");
        assertThat(run("export", "--out", dir.resolve("e.tsx").toString()).exit()).isZero();
        assertThat(run("log", "export", "--out", dir.resolve("log.jsonl").toString()).exit()).isZero();
        assertThat(run("logout").exit()).isZero();
        assertThat(run("login", "--user", "ben@demo.shop", "--pin", "5678").exit()).isZero();
        assertThat(run("reprint", "POS-0001-000001").err()).contains("not_permitted").contains("can_reprint");
        assertThat(run("export", "--out", dir.resolve("f.tsx").toString()).err()).contains("can_export_log");
        assertThat(run("config", "set", "printer", "/tmp/p").err()).contains("can_configure_pos");
        assertThat(run("login", "--user", "ben@demo.shop", "--pin", "0000").err()).contains("wrong_pin");
        assertThat(run("sell", "--bogus").exit()).isEqualTo(2);
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new TerminalCommand()), List.of(), paths);
        assertThat(paths).contains(List.of("sell"), List.of("shift", "open"), List.of("log", "export"), List.of("config", "set"));
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Run r = run(args.toArray(String[]::new));
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                assertThat(r.err()).as(String.join(" ", args)).isEmpty();
                assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: terminal " + String.join(" ", path))
                        .contains("-h, --help").doesNotContain("Missing required");
            }
        }
        Run sell = run("sell", "--help");
        assertThat(sell.out()).contains("--item").contains("--pay");
        assertThat(run("shift", "open").err()).contains("Missing required option: '--float");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getCommandName());
            into.add(path);
            collect(sub, path, into);
        }
    }

    @Test
    void syncWithoutServerFailsClearlyAndKeepsEverything() {
        run("login", "--user", "amira@demo.shop", "--pin", "1234");
        run("shift", "open", "--float", "0");
        run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        Run sync = run("--timeout", "2", "sync");
        assertThat(sync.exit()).isEqualTo(4);
        assertThat(sync.err()).contains("Cannot reach the server");
        assertThat(run("status", "--no-probe").out()).contains("OFFLINE").contains("Cannot reach");
        assertThat(run("history").out()).contains("POS-0001-000001");
    }
}
