package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PIN lock-out as a cashier meets it at the command line, no server anywhere: each command is a new program. */
class PinLockoutCliTest {
    @TempDir
    Path dir;

    @Test
    void fiveWrongPinsRefuseEvenTheRightOneWithTheWaitAndLogTheLock() {
        LocalDevice.prepare(dir);
        for (int i = 1; i <= 4; i++) {
            Run r = Cli.run(dir, "login", "--user", "amira@demo.shop", "--pin", "000" + i);
            assertThat(r.exit()).isEqualTo(TerminalMain.REFUSED);
            assertThat(r.err()).contains("Wrong PIN for amira@demo.shop (" + (5 - i) + " tries left");
        }
        Run fifth = Cli.run(dir, "login", "--user", "amira@demo.shop", "--pin", "0005");
        assertThat(fifth.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(fifth.err()).contains("Too many wrong PINs; try again in 30 s.");
        Run right = Cli.run(dir, "login", "--user", "amira@demo.shop", "--pin", "1234");
        assertThat(right.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(right.err()).containsPattern("Too many wrong PINs; try again in (2\\d|30) s\\.").doesNotContain("1234");
        assertThat(Cli.run(dir, "status", "--no-probe").out()).doesNotContain("amira@demo.shop logged in");
        // Another cashier is not locked by amira's tries.
        assertThat(Cli.run(dir, "login", "--user", "ben@demo.shop", "--pin", "5678").exit()).isZero();
        Run log = Cli.run(dir, "log", "show");
        assertThat(log.out()).contains("user_locked").contains("lockout 1 for 30 s");
    }
}
