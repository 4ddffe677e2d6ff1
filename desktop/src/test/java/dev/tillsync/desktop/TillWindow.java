package dev.tillsync.desktop;

import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.PosTerminal;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.testfx.api.FxToolkit;

/**
 * The POS window on a terminal, as every desktop test opens it: in TestFX's primary stage, 1280 × 800, in front, with
 * the inactivity lock at 30 minutes, started. {@link #close} hides the stage and disposes the window (the terminal and
 * the server stay the test's to close).
 */
final class TillWindow implements AutoCloseable {
    private final PosWindow window;
    private final Stage stage;

    private TillWindow(PosWindow window, Stage stage) {
        this.window = window;
        this.stage = stage;
    }

    static TillWindow open(PosTerminal terminal) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        PosWindow[] w = new PosWindow[1];
        FxToolkit.setupStage(s -> {
            w[0] = new PosWindow(terminal, Duration.minutes(30));
            s.setScene(w[0].scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.setTitle("tillsync POS (test)");
            s.show();
            s.toFront();
            w[0].start();
        });
        return new TillWindow(w[0], stage);
    }

    PosWindow window() {
        return window;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        FxToolkit.setupFixture(window::dispose);
    }
}
