package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.desktop.shell.PosWindow;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawer accountability across a restart (issue 18, point 6): a cashier logged in on another cashier's open shift (an
 * approval given for that moment) does not come back straight to the sale screen when the till restarts; the login is
 * asked again, with the reason on screen.
 */
@ExtendWith(DisplayRequired.class)
class OthersShiftAfterRestartTest {
    private TillRig rig;
    private PosWindow window;
    private TillWindow till;

    @AfterEach
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    void aRestartOnAnotherCashiersShiftAsksTheLoginAgain(@TempDir Path dir) throws Exception {
        TillRobot t = new TillRobot(dir);
        rig = new TillRig(dir);
        rig.terminal.login("amira@demo.shop", "1234");
        rig.terminal.openShift(10_000, null);
        rig.terminal.login("ben@demo.shop", "5678"); // on amira's open shift; the till then stops
        assertThat(rig.terminal.currentUser()).isPresent();
        till = TillWindow.open(rig.terminal);
        window = till.window();
        t.scene(window.scene());
        t.waitFor("the login screen, not the sale", () -> t.exists("#pinField") && !t.exists("#scanField"));
        t.waitFor("the reason said", () -> t.text("#notification").contains("another cashier's"));
        assertThat(rig.terminal.currentUser()).as("ben's stored login is gone").isEmpty();
        assertThat(rig.terminal.currentShift()).as("amira's shift stays open").isPresent();
    }
}
