package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.reliability.faults.FaultMode;
import dev.tillsync.reliability.faults.FaultProxy;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sync dialog follows the truth: a till whose line is cut (by the fault proxy) after the first batch of a manual
 * sync shows how far it really got, then, left open, follows the line coming back and the automatic sync that sends
 * the rest; a sync with nothing left says when everything was synced.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncTruthTest {
    private static final int SALES = 23;
    private static final int ROWS_PER_REQUEST = 5;

    private TillServer server;
    private FaultProxy proxy;
    private PosTerminal terminal;
    private PosWindow window;
    private TillWindow till;
    private TillRobot t;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        t = new TillRobot(dir);
        server = TillServer.start(new ServerOptions(dir.resolve("server"), null, 0));
        server.admin().seedDemo();
        // a till that sends few rows per request, so a push takes several batches
        server.admin().createDevice("POS-0002", DemoSeed.PROFILE, ROWS_PER_REQUEST, "POS-0002-", "CUST-0002-", "sync cut test till");
        server.admin().addDeviceUser("POS-0002", "amira@demo.shop", true, true, true);
        String code = server.admin().issueLinkCode("POS-0002");
        proxy = new FaultProxy(0, server.port(), 7);
        terminal = PosTerminal.open(dir.resolve("terminal"), new TerminalOptions(Clock.systemUTC(), java.time.Duration.ofSeconds(4),
                java.time.Duration.ofMillis(700), java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30)));
        assertThat(terminal.link(proxy.baseUrl(), code, "sync cut till").pullError()).isNull();
        terminal.login("amira@demo.shop", "1234");
        terminal.openShift(10_000, null);
        for (int i = 0; i < SALES; i++) {
            terminal.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1)), null, List.of(new Payment("Cash", 1000, null))));
        }
        till = TillWindow.open(terminal);
        window = till.window();
        t.scene(window.scene());
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (terminal != null) terminal.close();
        if (proxy != null) proxy.close();
        if (server != null) server.close();
    }

    @Test
    void theSyncDialogShowsTheLineCutMidPush() throws Exception {
        t.waitFor("sale screen", () -> t.exists("#scanField"));
        int rows = SALES + 1; // the shift opening too
        AtomicBoolean cut = new AtomicBoolean();
        terminal.addListener(e -> { // on the sync thread, before the next batch goes
            if (e instanceof TerminalEvent.SyncProgress p && p.sent() > 0 && p.sent() < p.total() && cut.compareAndSet(false, true)) {
                proxy.mode(FaultMode.REFUSE);
                proxy.dropAll();
            }
        });
        t.fx(() -> window.openSync());
        t.waitFor("the dialog says how far the push got", () -> t.text("#syncProgressText")
                .equals("Sync stopped after " + ROWS_PER_REQUEST + " of " + rows + " — the rest stay on this device"));
        ProgressBar bar = (ProgressBar) t.node("#syncProgress");
        assertThat(bar.getProgress()).as("the bar shows what was really done, not full").isEqualTo((double) ROWS_PER_REQUEST / rows);
        assertThat(t.text("#syncResult")).startsWith(ROWS_PER_REQUEST + " of " + rows + " sent and answered by the server before the sync stopped").contains("Stopped early: ")
                .contains((rows - ROWS_PER_REQUEST) + " of " + rows + " still to send");
        assertThat(terminal.history(HistoryFilter.all()).stream().filter(e -> e.status() == SyncStatus.SYNCED)).hasSize(ROWS_PER_REQUEST);
        t.shot("sync-cut");

        // the line comes back; the dialog, still open, follows the automatic sync that sends the rest
        proxy.mode(FaultMode.PASS);
        terminal.startBackground();
        t.waitFor("the dialog follows the sync after the line came back", () -> t.text("#syncProgressText").equals("Sync complete"));
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(t.text("#syncResult")).startsWith((rows - ROWS_PER_REQUEST) + " synced, 0 duplicates, 0 failed");
        assertThat(terminal.history(HistoryFilter.all())).allMatch(e -> e.status() == SyncStatus.SYNCED);
        t.shot("sync-back");
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("dialog closed", () -> !t.exists("#syncDialog"));

        // nothing left: the dialog says when it was all synced, not "0 synced"
        t.fx(() -> window.openSync());
        t.waitFor("already synced", () -> t.text("#syncProgressText").equals("Nothing to send"));
        assertThat(t.text("#syncResult")).matches("Everything was already synced at \\d\\d:\\d\\d \\(automatic sync\\).*");
        assertThat(bar.getProgress()).isEqualTo(1.0);
        t.robot.type(KeyCode.ESCAPE);
    }
}
