package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.terminal.cli.TerminalMain;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.LocalDevice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may open a shift on a till with shift users (issue 15, point 8), through the real CLI. */
class ShiftUserCliTest {
    @TempDir
    Path dir;

    Run run(String... args) {
        return Cli.run(dir, args);
    }

    @BeforeEach
    void link() {
        LocalDevice.prepare(dir); // shift users: amira (Morning); ben is a device user but no shift user
    }

    @Test
    void aUserWhoIsNotAShiftUserOfTheTillCannotOpenAShiftAndIsToldWhoCan() {
        assertThat(run("login", "--user", "ben@demo.shop", "--pin", "5678").exit()).isZero();
        Run ben = run("shift", "open", "--float", "20.00");
        assertThat(ben.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(ben.err()).contains("not_a_shift_user").contains("ben@demo.shop is not a shift user of this till")
                .contains("amira@demo.shop (Morning)").contains("Shift Users").doesNotContain("null");
        assertThat(run("status", "--no-probe").out()).contains("none open");
        try (TerminalStore s = TerminalStore.open(dir)) {
            int rows = s.read(h -> h.createQuery("select count(*) from outbox").mapTo(Integer.class).one());
            assertThat(rows).isZero();
        }
    }

    @Test
    void aShiftUserOpensUnderOneOfTheirOwnShiftTypesOnly() {
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        Run other = run("shift", "open", "--float", "20.00", "--type", "Evening");
        assertThat(other.exit()).isEqualTo(TerminalMain.REFUSED);
        assertThat(other.err()).contains("not_your_shift_type").contains("yours: Morning").contains("--type Morning");
        Run own = run("shift", "open", "--float", "20.00");
        assertThat(own.exit()).as(own.err()).isZero();
        assertThat(own.out()).contains("open for amira@demo.shop (Morning)");
    }
}
