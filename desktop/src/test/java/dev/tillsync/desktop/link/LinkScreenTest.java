package dev.tillsync.desktop.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.desktop.DisplayRequired;
import dev.tillsync.desktop.Screenshots;
import dev.tillsync.desktop.TillStage;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * Issue 18 point 8: the desktop on an empty data folder opens the link screen; a manager's link code (typed, or the
 * console QR's text as a scanner types it) links the till, the catalogue comes down with progress, and the login
 * screen follows; a wrong code or an unreachable server says so and leaves the fields to correct.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkScreenTest {
    private TillServer server;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final List<PosTerminal> terminals = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TillServer.start(new ServerOptions(dir.resolve("server"), null, 0));
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
    void aNewTillLinksWithATypedCodeShowsTheCatalogueComingDownAndReachesLogin(@TempDir Path folder) throws Exception {
        Path empty = folder.resolve("till");
        openDesktopOn(empty);
        assertThat(exists("#user-amira")).isFalse();

        // Unreachable server first: the till says it cannot reach it and keeps the fields.
        type("#linkServer", "http://127.0.0.1:9");
        type("#linkCode", "ABCD-EFGH");
        robot.clickOn("#linkButton");
        waitFor("unreachable message", () -> text("#linkError").contains("Cannot reach the server"));

        // A wrong code: the server's own message.
        type("#linkServer", server.baseUrl());
        type("#linkCode", "WRONG-CODE");
        robot.type(KeyCode.ENTER);
        waitFor("wrong code message", () -> text("#linkError").contains("The server refused the link"));
        String wrong = text("#linkError");
        assertThat(((TextField) robot.lookup("#linkCode").query()).isDisabled()).isFalse();

        List<Double> progress = new CopyOnWriteArrayList<>();
        ProgressBar bar = robot.lookup("#linkProgress").queryAs(ProgressBar.class);
        bar.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        List<String> said = new CopyOnWriteArrayList<>();
        robot.lookup("#linkStatus").queryAs(Label.class).textProperty().addListener((o, a, b) -> said.add(b));
        type("#linkCode", server.admin().issueLinkCode("POS-0001"));
        Screenshots.save(robot.lookup("#linkScreen").query().getScene(), folder.resolve("before.png"));
        Path docs = Screenshots.docsDir();
        if (docs != null) {
            // the screen as a manager sees it: the address typed, the code typed, the last error still shown
            Screenshots.save(robot.lookup("#linkScreen").query().getScene(), docs.resolve("link-screen.png"));
        }
        robot.clickOn("#linkButton");
        waitFor("login after linking", () -> exists("#user-amira") && exists("#user-ben"));
        assertThat(progress).contains(ProgressBar.INDETERMINATE_PROGRESS, 1.0);
        assertThat(said).anyMatch(t -> t.startsWith("Linking to " + server.baseUrl()))
                .anyMatch(t -> t.matches("Downloading the catalogue: \\d+ of \\d+ records…"))
                .anyMatch(t -> t.matches("Linked as POS-0001: \\d+ records pulled\\."));
        assertThat(Files.exists(empty.resolve("terminal.db")) || Files.list(empty).findAny().isPresent()).isTrue();
        assertThat(terminals.getLast().status().posId()).isEqualTo("POS-0001");
        waitFor("prices as of on the status bar", () -> text("#pricesAsOf").matches("Prices as of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(pulled \\d+ s ago\\)"));
        System.out.println("wrong code said: " + wrong);
    }

    @Test
    void aScannerTypingTheConsoleQrLinksWithoutTypingTheServerAddress(@TempDir Path folder) throws Exception {
        server.admin().createDevice("POS-0077", "Main Store", 50, "POS-0077-", "CUST-0077-", "scanner till");
        server.admin().addDeviceUser("POS-0077", "amira@demo.shop", true, true, true);
        openDesktopOn(folder.resolve("till"));
        String code = server.admin().issueLinkCode("POS-0077");
        // What the console's QR carries (DevicesController.linkCode); the scanner types it and Enter into the focused field.
        String qr = "tillsync://link?server=" + java.net.URLEncoder.encode(server.baseUrl(), java.nio.charset.StandardCharsets.UTF_8)
                + "&code=" + code;
        robot.clickOn("#linkCode");
        robot.write(qr);
        robot.type(KeyCode.ENTER);
        waitFor("login after the scan", () -> exists("#user-amira"));
        assertThat(terminals.getLast().status().posId()).isEqualTo("POS-0077");
        assertThat(terminals.getLast().status().serverUrl()).isEqualTo(server.baseUrl());
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
