package dev.tillsync.desktop;

import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.TerminalOptions;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application: opens the terminal engine on {@code --data DIR}, shows the POS window and starts the
 * connectivity monitor and auto-sync; closing the window stops them and closes the store.
 */
public final class PosApp extends Application {
    private PosTerminal terminal;
    private PosWindow window;
    private DesktopArgs args;

    @Override
    public void init() {
        args = DesktopArgs.parse(getParameters().getRaw());
        try {
            // The window drives the till: a `terminal run` or a second window on the folder is refused, naming this one.
            terminal = PosTerminal.open(args.dataDir(), TerminalOptions.defaults(), FolderClaim.driver("bin/pos desktop"));
        } catch (TerminalException e) {
            System.err.println("tillsync desktop: " + e.getMessage());
            System.exit(1);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("tillsync POS");
        stage.setMinWidth(1024);
        stage.setMinHeight(720);
        if (!terminal.isLinked()) {
            VBox box = new VBox(16, Ui.heading("This terminal is not linked"),
                    Ui.label("notLinked", "Ask a manager for a link code, then run:\n  bin/pos terminal link --data " + args.dataDir()
                            + " --server URL --code CODE\nand start the desktop again.", "muted"));
            box.setAlignment(Pos.CENTER);
            stage.setScene(new Scene(box, 1024, 720));
            stage.show();
            return;
        }
        window = new PosWindow(terminal, args.lockMinutes() == 0 ? Duration.INDEFINITE : Duration.minutes(args.lockMinutes()));
        stage.setScene(window.scene());
        fitToScreen(stage);
        stage.show();
        window.start();
        terminal.startBackground();
    }

    /** A laptop's 1366×768 is smaller than the designed 1280×800 scene: shrink to the usable area, never below the minimum. */
    private static void fitToScreen(Stage stage) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        Scene scene = stage.getScene();
        if (scene.getWidth() > usable.getWidth()) stage.setWidth(Math.max(stage.getMinWidth(), usable.getWidth()));
        if (scene.getHeight() > usable.getHeight()) stage.setHeight(Math.max(stage.getMinHeight(), usable.getHeight()));
    }

    @Override
    public void stop() {
        if (window != null) window.dispose();
        if (terminal != null) terminal.close();
    }
}
