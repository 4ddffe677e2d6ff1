package dev.tillsync.desktop.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.desktop.DisplayRequired;
import dev.tillsync.desktop.TillStage;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.tls.TlsOptions;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalOptions;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20 item 4: the console QR of a server running TLS carries its certificate's fingerprint; the desktop link
 * screen reading it shows the fingerprint and pins it (the till then trusts that certificate alone); a plain http://
 * address of another host is warned about on the screen.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinnedLinkScreenTest {
    private TillServer server;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final List<PosTerminal> terminals = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TillServer.start(new ServerOptions(dir.resolve("server"), null, 0).withTls(TlsOptions.selfSignedCertificate()));
        server.admin().seedDemo();
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    void stop() throws Exception {
        if (stage != null) FxToolkit.setupStage(Stage::hide);
        terminals.forEach(PosTerminal::close);
        if (server != null) server.close();
    }

    private void openDesktopOn(Path emptyFolder) throws Exception {
        PosTerminal t = PosTerminal.open(emptyFolder, new TerminalOptions(Clock.systemUTC(), java.time.Duration.ofSeconds(4),
                java.time.Duration.ofMillis(700), java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(30)));
        terminals.add(t);
        FxToolkit.setupStage(s -> {
            s.setWidth(1280);
            s.setHeight(800);
            TillStage.show(s, t, Duration.minutes(30), w -> { });
            s.toFront();
        });
        waitFor("the link screen", () -> exists("#linkScreen"));
    }

    @Test
    void aScannedQrWithTheFingerprintPinsTheServerCertificate(@TempDir Path folder) throws Exception {
        server.admin().createDevice("POS-0088", "Main Store", 50, "POS-0088-", "CUST-0088-", "tls till");
        server.admin().addDeviceUser("POS-0088", "amira@demo.shop", true, true, true);
        openDesktopOn(folder.resolve("till"));
        String fp = server.certificateFingerprint().orElseThrow().value();
        // What the console's QR carries under TLS (DevicesController.linkCode)
        String qr = "tillsync://link?server=" + URLEncoder.encode(server.baseUrl(), StandardCharsets.UTF_8)
                + "&code=" + server.admin().issueLinkCode("POS-0088") + "&fp=" + URLEncoder.encode(fp, StandardCharsets.UTF_8);
        robot.clickOn("#linkCode");
        robot.write(qr);
        robot.type(KeyCode.ENTER);
        waitFor("login after the scan", () -> exists("#user-amira"));
        PosTerminal t = terminals.getLast();
        assertThat(t.status().posId()).isEqualTo("POS-0088");
        assertThat(t.serverPin()).contains(fp);
        assertThat(t.probe()).isTrue(); // the pinned client reaches the server
    }

    @Test
    void plainHttpToAnotherHostIsWarnedOnTheScreen(@TempDir Path folder) throws Exception {
        String own = ownNonLoopbackIpv4();
        openDesktopOn(folder.resolve("till"));
        // this machine's own address, a port nothing listens on: the warning shows, then the link fails locally
        type("#linkServer", "http://" + own + ":9");
        type("#linkCode", "ABCD-EFGH");
        robot.clickOn("#linkButton");
        waitFor("the link attempt ends", () -> !text("#linkError").isEmpty());
        assertThat(text("#linkWarning")).contains("Linking over plain http:// to " + own).contains("unencrypted");
    }

    private static String ownNonLoopbackIpv4() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) continue;
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
            }
        }
        return "192.0.2.1"; // a documentation address (never routed): the rule needs no answer from it
    }

    private void type(String field, String text) {
        robot.interact(() -> {
            TextField f = robot.lookup(field).queryAs(TextField.class);
            f.setText("");
            f.requestFocus();
        });
        robot.clickOn(field);
        robot.write(text);
    }

    private boolean exists(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.isVisible()).orElse(false);
    }

    private String text(String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        return n instanceof Label l && l.getText() != null ? l.getText() : "";
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
