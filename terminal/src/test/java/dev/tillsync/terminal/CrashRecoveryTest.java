package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.sync.OutboxPusher;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.store.FaultPoint;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.SharedServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real terminal process (child JVM running TerminalMain) in the middle of a sale and of a sync. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void killedMidSaleAndMidSyncLosesNothingAndDuplicatesNothing() throws Exception {
        SharedServer.Device d = SharedServer.newDevice(50);
        String url = SharedServer.get().baseUrl();
        assertThat(cli(null, "link", "--server", url, "--code", d.code()).exit).isZero();
        assertThat(cli(null, "login", "--user", "amira@demo.shop", "--pin", "1234").exit).isZero();
        assertThat(cli(null, "shift", "open", "--float", "100").exit).isZero();
        Run ok = cli(null, "sell", "--item", "ITEM-0001:2", "--pay", "Cash:100");
        assertThat(ok.exit).as(ok.err).isZero();
        assertThat(ok.out).contains("POS-" + d.posId().substring(4) + "-000001");

        // 1. Killed inside the sale's transaction: the sale was never acknowledged, and nothing of it remains.
        killAt(SaleRecorder.FAULT_BEFORE_COMMIT, "sell", "--item", "ITEM-0002:1", "--pay", "Cash:100");
        assertThat(count("select count(*) from invoice")).isEqualTo(1);
        assertThat(count("select count(*) from invoice_line")).isEqualTo(1);
        assertThat(count("select count(*) from outbox")).isEqualTo(2);
        assertThat(count("select value from counter where name = 'outbox_seq'")).isEqualTo(2);
        Run after = cli(null, "sell", "--item", "ITEM-0002:1", "--pay", "Cash:100");
        assertThat(after.exit).as(after.err).isZero();
        assertThat(after.out).contains("-000002"); // no gap in numbering

        // 2. Killed after the server committed a push but before the terminal marked it.
        killAt(OutboxPusher.FAULT_BEFORE_MARK, "sync");
        assertThat(SharedServer.serverInvoices(d.posId())).isEqualTo(2);
        assertThat(count("select count(*) from outbox where status = 'Syncing'")).isEqualTo(3);

        Run sync = cli(null, "sync");
        assertThat(sync.exit).as(sync.err + sync.out).isZero();
        assertThat(sync.out).contains("duplicates 3");
        assertThat(SharedServer.serverInvoices(d.posId())).isEqualTo(2);
        assertThat(count("select count(*) from outbox where status = 'Synced'")).isEqualTo(3);
        Run history = cli(null, "history", "--json");
        assertThat(history.out).contains("\"SYNCED\"").doesNotContain("PENDING");
    }

    long count(String sql) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            return s.read(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    record Run(int exit, String out, String err) {}

    private ProcessBuilder builder(String fault, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        if (fault != null) cmd.add("-D" + FaultPoint.PROPERTY + "=" + fault + ":sleep:60000");
        cmd.add("dev.tillsync.terminal.cli.TerminalMain");
        cmd.add("--data");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    Run cli(String fault, String... args) throws Exception {
        File out = File.createTempFile("cli", ".out"), err = File.createTempFile("cli", ".err");
        Process p = builder(fault, args).redirectOutput(out).redirectError(err).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), java.nio.file.Files.readString(out.toPath()), java.nio.file.Files.readString(err.toPath()));
    }

    void killAt(String point, String... args) throws Exception {
        Process p = builder(point, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.contains("FAULT-POINT " + point)) {
                // wait until the process stands at the fault point
            }
            assertThat(line).as("process reached " + point).isNotNull();
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137);
    }
}
