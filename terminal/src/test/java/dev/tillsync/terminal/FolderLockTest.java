package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 point 6, decided as a folder lock: `terminal run` and the desktop drive a till alone; any other process on
 * the folder is refused with the driver's pid, command and start; one-shot commands wait for each other; the OS frees
 * the folder when the driver dies, even by kill -9.
 */
class FolderLockTest {
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
    void aSecondProcessIsRefusedWhileTerminalRunDrivesTheTillAndTheFolderOpensAgainAfterKillMinus9() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                TerminalMain.class.getName(), "--data", dir.toString(), "--timeout", "1", "run");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            CountDownLatch watching = new CountDownLatch(1);
            StringBuffer childOut = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        childOut.append(line).append('\n');
                        if (line.startsWith("Watching")) watching.countDown();
                    }
                } catch (java.io.IOException ignored) {
                    // the child was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            assertThat(watching.await(60, TimeUnit.SECONDS)).as(childOut.toString()).isTrue();

            String driving = "terminal run (pid " + child.pid() + ", since ";
            for (String[] args : List.of(new String[] {"sell", "--item", "ITEM-0001", "--pay", "Cash:5"}, new String[] {"sync"},
                    new String[] {"status", "--no-probe"}, new String[] {"history"}, new String[] {"run"})) {
                Run refused = run(args);
                assertThat(refused.exit()).as(String.join(" ", args)).isEqualTo(TerminalMain.REFUSED);
                assertThat(refused.err()).as(String.join(" ", args)).contains("error [folder_in_use]").contains(driving)
                        .contains("is driving this till; stop it or use it").contains(dir.toString());
            }

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close; the OS drops the lock
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run("status", "--no-probe").exit()).isZero();
            assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
            assertThat(run("shift", "open", "--float", "0").exit()).isZero();
            Run sale = run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
            assertThat(sale.exit()).as(sale.err()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theDesktopDrivingTheTillRefusesTerminalRunNamingTheDesktop() {
        try (PosTerminal desktop = PosTerminal.open(dir, TerminalOptions.defaults(), FolderClaim.driver("bin/pos desktop"))) {
            assertThat(desktop.isLinked()).isTrue();
            Run refused = run("run");
            assertThat(refused.exit()).isEqualTo(TerminalMain.REFUSED);
            assertThat(refused.err()).contains("bin/pos desktop (pid " + ProcessHandle.current().pid() + ", since ")
                    .contains("is driving this till; stop it or use it");
        }
        assertThat(run("status", "--no-probe").exit()).isZero();
    }

    @Test
    void aOneShotCommandWaitsForAnotherOneShotInsteadOfFailing() throws Exception {
        CompletableFuture<Run> status;
        try (PosTerminal sync = PosTerminal.open(dir, TerminalOptions.defaults(), FolderClaim.oneShot("terminal sync"))) {
            status = CompletableFuture.supplyAsync(() -> run("status", "--no-probe"));
            Thread.sleep(500);
            assertThat(status).isNotDone();
        }
        Run r = status.get(20, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("POS-0001");
    }
}
