package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.desktop.shell.PosWindow;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The PIN screen of a till whose back office is unreachable: five wrong PINs lock the cashier, said in one clear line. */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinLockoutScreenTest {
    private TillRig rig;
    private TillWindow till;
    private TillRobot t;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        t = new TillRobot(dir);
        rig = new TillRig(dir);
        till = TillWindow.open(rig.terminal);
        PosWindow window = till.window();
        t.scene(window.scene());
        rig.stopServer(); // offline: the lock-out is the till's own
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    void fiveWrongPinsShowTheWaitAndTheRightPinDoesNotGetInUntilItEnds() throws Exception {
        t.waitFor("login screen", () -> t.exists("#user-amira"));
        t.robot.clickOn("#user-amira");
        for (int i = 1; i <= 4; i++) {
            final int n = i;
            t.robot.clickOn("#pinField").write("0000").type(KeyCode.ENTER);
            t.waitFor("wrong PIN " + n, () -> t.text("#loginError").contains((5 - n) + " tries left"));
        }
        t.robot.clickOn("#pinField").write("0000").type(KeyCode.ENTER);
        t.waitFor("locked", () -> t.text("#loginError").startsWith("Too many wrong PINs; try again in 30 s."));
        t.robot.clickOn("#pinField").write("1234").type(KeyCode.ENTER);
        t.waitFor("the right PIN is refused while locked", () -> t.text("#loginError").matches("Too many wrong PINs; try again in \\d+ s\\..*"));
        assertThat(t.exists("#scanField")).as("no way past the lock").isFalse();
        assertThat(rig.terminal.events(20)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("user_locked");
            assertThat(e.detail()).startsWith("lockout 1 for 30 s");
        });
    }
}
