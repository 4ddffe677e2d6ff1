package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.cli.TerminalCommand;
import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.SharedServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Issue 15 points 5, 7 and 12 through the real CLI: output that tells the truth, help a newcomer can use, JSON a script can use. */
class CliOutputTest {
    static LossyProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        proxy = new LossyProxy(SharedServer.get().port());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    Run run(String... args) {
        return Cli.run(dir, args);
    }

    /** Links {@code dir} through the proxy with the real CLI, logs amira in and opens a shift. */
    private void linkedThroughTheCli() {
        proxy.down(false);
        SharedServer.Device d = SharedServer.newDevice(50);
        Run link = run("link", "--server", proxy.url(), "--code", d.code());
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "0").exit()).isZero();
    }

    @Test
    void everyCommandOptionAndParameterOfTheTerminalCliHasADescription() {
        List<String> missing = new ArrayList<>();
        walk(new CommandLine(new TerminalCommand()).getCommandSpec(), missing);
        assertThat(missing).isEmpty();
        for (String cmd : List.of("login", "return", "history", "sync", "status", "sell", "customer list")) {
            List<String> args = new ArrayList<>(List.of(cmd.split(" ")));
            args.add("--help");
            Run help = run(args.toArray(String[]::new));
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(cmd).doesNotContain("  --json\n").doesNotContain("  --pin=<pin>\n");
        }
        assertThat(run("login", "--help").out()).contains("--pin=<pin>").contains("checked offline");
    }

    /** Every command has a description, and every option and positional parameter of it too. */
    static void walk(CommandSpec spec, List<String> missing) {
        if (String.join("", spec.usageMessage().description()).isBlank()) missing.add(spec.qualifiedName() + " (the command)");
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            if (String.join("", a.description()).isBlank()) {
                missing.add(spec.qualifiedName() + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
            }
        }
        for (CommandLine sub : new java.util.LinkedHashSet<>(spec.subcommands().values())) walk(sub.getCommandSpec(), missing);
    }

    @Test
    void aSyncThatCannotReachTheServerSaysOnStdoutThatItDidNotComplete() {
        LocalDevice.prepare(dir);
        run("login", "--user", "amira@demo.shop", "--pin", "1234");
        run("shift", "open", "--float", "0");
        Run sync = run("--timeout", "2", "sync");
        assertThat(sync.exit()).isEqualTo(TerminalMain.SYNC_INCOMPLETE);
        assertThat(sync.out()).startsWith("Sync did not complete: Cannot reach the server").contains("Before it stopped: Synced 0");
    }

    @Test
    void aLostAnswerIsReportedAsLostNotAsAnUnreachableServerAndTheRowsAreResent() {
        linkedThroughTheCli();
        for (int i = 0; i < 3; i++) assertThat(run("sell", "--item", "ITEM-0002", "--pay", "Cash:100").exit()).isZero();
        proxy.dropNextResponse();
        Run lost = run("sync");
        assertThat(lost.exit()).isEqualTo(TerminalMain.SYNC_INCOMPLETE);
        assertThat(lost.out()).startsWith("Sync did not complete: The connection to the server")
                .contains("broke before its answer to the push arrived").contains("sent again on the next sync")
                .contains("answers duplicate").doesNotContain("Cannot reach").doesNotContain("Working offline");
        assertThat(lost.err()).contains("error [sync_incomplete]").doesNotContain("Cannot reach");
        assertThat(run("status", "--no-probe").out()).contains("answer").doesNotContain("Cannot reach");

        Run again = run("sync");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).startsWith("Synced 0, duplicates 4, failed 0"); // shift_open + 3 sales, counted once on the server
    }

    @Test
    void linkPrintsLinkedAsOnItsOwnLineAfterTheBarAndALinkedFolderIsRefusedWithoutDrawingOne() {
        SharedServer.Device d = SharedServer.newDevice(50);
        proxy.down(false);
        // One stream for the bar (System.err) and the CLI's stdout, as on a terminal: nothing may be printed into the bar's line.
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream ttyStream = new PrintStream(tty, true, StandardCharsets.UTF_8);
        System.setErr(ttyStream);
        try {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(ttyStream, StandardCharsets.UTF_8), true);
            StringWriter err = new StringWriter();
            int code = TerminalMain.run(new String[] {"--data", dir.toString(), "link", "--server", proxy.url(), "--code", d.code()}, out,
                    new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
            String text = tty.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("Pulling master data").contains("Linked as " + d.posId());
            int at = text.indexOf("Linked as");
            assertThat(text.charAt(at - 1)).as(text).isEqualTo('\n');
            assertThat(text.substring(at)).doesNotContain("Pulling master data");

            tty.reset();
            Run again = run("link", "--server", proxy.url(), "--code", d.code());
            assertThat(again.exit()).isEqualTo(TerminalMain.REFUSED);
            assertThat(again.err()).contains("already_linked");
            assertThat(tty.toString(StandardCharsets.UTF_8)).doesNotContain("Pulling master data");
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void historyJsonCarriesTheWholeInvoiceAsSellJsonDoesAndStatusJsonNamesConnectionSince() throws Exception {
        LocalDevice.prepare(dir);
        run("login", "--user", "amira@demo.shop", "--pin", "1234");
        run("shift", "open", "--float", "0");
        Run sell = run("sell", "--item", "ITEM-0001:2", "--item", "ITEM-0002", "--pay", "Card:2.30", "--pay", "Cash:5", "--json");
        assertThat(sell.exit()).as(sell.err()).isZero();
        JsonNode sold = Json.mapper().readTree(sell.out());

        JsonNode history = Json.mapper().readTree(run("history", "--json").out());
        JsonNode sale = null;
        for (JsonNode e : history) if (sold.get("number").asText().equals(e.path("number").asText())) sale = e;
        assertThat(sale).as(history.toPrettyString()).isNotNull();
        assertThat(sale.get("status").asText()).isEqualTo("PENDING");
        assertThat(sale.get("totalMinor").asLong()).isEqualTo(sold.get("grandTotalMinor").asLong());
        assertThat(sale.get("invoice")).isEqualTo(sold);
        assertThat(sale.at("/invoice/taxTotalMinor").asLong()).isPositive();
        assertThat(sale.at("/invoice/lines")).hasSize(2);
        assertThat(sale.at("/invoice/payments")).hasSize(2);
        assertThat(sale.at("/invoice/changeMinor").asLong()).isEqualTo(sold.get("changeMinor").asLong()).isPositive();
        JsonNode shift = null;
        for (JsonNode e : history) if ("shift_open".equals(e.path("kind").asText())) shift = e;
        assertThat(shift).isNotNull();
        assertThat(shift.path("invoice").isMissingNode() || shift.get("invoice").isNull()).isTrue();

        JsonNode status = Json.mapper().readTree(run("status", "--no-probe", "--json").out());
        assertThat(status.has("connectionSince")).isTrue();
        assertThat(status.has("onlineSince")).isFalse();
        assertThat(status.get("online").asBoolean()).isFalse();
    }

    @Test
    void customerListSaysWhenThereAreNoneAndHasJson() throws Exception {
        LocalDevice.prepare(dir);
        Run none = run("customer", "list", "--search", "nobody-by-this-name");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("No customer matches 'nobody-by-this-name'");
        assertThat(run("customer", "list", "--search", "nobody-by-this-name", "--json").out().trim()).isEqualTo("[ ]");
        JsonNode all = Json.mapper().readTree(run("customer", "list", "--json").out());
        assertThat(all).isNotEmpty();
        assertThat(all.get(0).get("number").asText()).isEqualTo("CUST-0000-00001");
        assertThat(Files.exists(dir.resolve("terminal.lock"))).isTrue();
    }
}
