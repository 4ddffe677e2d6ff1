package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.admin.AdminCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 15 points 5, 7 and 12 for the back office: the real {@code bin/pos server} CLI (admin commands on the shared
 * server's database through --db) and the reconciliation API's query parameters.
 */
class AdminCliTest {
    private final TillServer server = SharedServer.get();

    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    /** The shared server's embedded PostgreSQL, as an operator would pass it with --db. */
    private String db() {
        return server.jdbcUrl() + "?user=postgres";
    }

    private static SyncRow outsideSeries(Fixtures.Linked d, long seq) {
        return Fixtures.invoiceRow(seq, "ELSEWHERE-00000" + seq, d.profileKey(), List.of(InvoiceLine.of("ITEM-0001", "Pen", 1, 150, 1500)),
                List.of(new Payment("Cash", 173, null)));
    }

    @Test
    void importExitsNonZeroWhenAnyRowIsRejectedAndPrintsEachReason() throws Exception {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        Path allRejected = dir.resolve("rejected.gz");
        Files.write(allRejected, DeviceLifecycleTest.export(d, List.of(outsideSeries(d, 1), outsideSeries(d, 2))));

        CliRun r = cli("admin", "--db", db(), "import", allRejected.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(AdminCommand.ROWS_REJECTED);
        assertThat(r.out()).contains("0 accepted, 0 duplicates, 2 rejected")
                .contains("rejected seq 1 (number_outside_series)").contains("rejected seq 2 (number_outside_series)");
        assertThat(r.err()).contains("error [rows_rejected]: 2 of 2 rows").contains("import the file again");
        CliRun json = cli("admin", "--db", db(), "import", "--json", allRejected.toString());
        assertThat(json.exit()).isEqualTo(AdminCommand.ROWS_REJECTED);
        assertThat(json.out()).contains("number_outside_series");

        Path good = dir.resolve("good.gz");
        Files.write(good, DeviceLifecycleTest.export(d, List.of(Fixtures.penSale(d, 3, 1, 1))));
        CliRun ok = cli("admin", "--db", db(), "import", good.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("1 accepted");
        assertThat(cli("admin", "--db", db(), "import", good.toString()).exit()).isZero(); // a repeat is all duplicates: success
    }

    @Test
    void everyServerCommandAnswersHelpAndDescribesEveryOption() {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of());
        collect(ServerMain.commandLine(), List.of(), paths);
        assertThat(paths).contains(List.of("admin", "user"), List.of("admin", "device"), List.of("admin", "device", "user"),
                List.of("admin", "device", "shift-user"), List.of("admin", "seed-demo"), List.of("admin", "device", "user", "add"));
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun r = cli(args.toArray(String[]::new));
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                assertThat(r.err()).as(String.join(" ", args)).isEmpty();
                assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: server" + (path.isEmpty() ? "" : " " + String.join(" ", path)))
                        .contains("-h, --help");
            }
        }
        List<String> missing = new ArrayList<>();
        walk(ServerMain.commandLine().getCommandSpec(), missing);
        assertThat(missing).isEmpty();
        assertThat(cli("--help").out()).contains("--db-pool-size").contains("max_connections");
        assertThat(cli("admin", "import", "--help").out()).contains("rejected");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getCommandName());
            into.add(path);
            collect(sub, path, into);
        }
    }

    /** Every command has a description, and every option and positional parameter of it too. */
    private static void walk(CommandSpec spec, List<String> missing) {
        if (String.join("", spec.usageMessage().description()).isBlank()) missing.add(spec.qualifiedName() + " (the command)");
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            if (String.join("", a.description()).isBlank()) {
                missing.add(spec.qualifiedName() + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
            }
        }
        for (CommandLine sub : new LinkedHashSet<>(spec.subcommands().values())) walk(sub.getCommandSpec(), missing);
    }

    @Test
    void seedDemoPrintsEveryUserWithPasswordAndTheCashiersWithTheirPins() {
        CliRun r = cli("admin", "--db", db(), "seed-demo");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("admin@demo.shop / admin-pass").contains("manager@demo.shop / manager-pass")
                .contains("viewer@demo.shop / viewer-pass").contains("amira@demo.shop PIN 1234").contains("ben@demo.shop PIN 5678")
                .contains("device link-code POS-0001");
    }

    @Test
    void theReconciliationAndSyncStatusRefuseAQueryParameterTheyDoNotTake() {
        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        Http.Response typo = viewer.get("/reports/reconciliation?pos=POS-0001");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error()).isEqualTo("unknown_parameter");
        assertThat(typo.raw()).contains("'pos'").contains("posId, from, to");
        assertThat(viewer.get("/reports/reconciliation?posId=POS-0001&from=2024-06-01").status()).isEqualTo(200);
        Http.Response status = viewer.get("/devices/POS-0001/sync-status?status=rejected");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.error()).isEqualTo("unknown_parameter");
        assertThat(viewer.get("/devices/POS-0001/sync-status?outcome=rejected").status()).isEqualTo(200);
    }
}
