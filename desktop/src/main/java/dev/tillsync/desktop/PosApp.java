package dev.tillsync.desktop;

import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.TerminalOptions;
import javafx.application.Application;
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
        TillStage.show(stage, terminal, args.lockMinutes() == 0 ? Duration.INDEFINITE : Duration.minutes(args.lockMinutes()),
                w -> window = w);
    }

    @Override
    public void stop() {
        if (window != null) window.dispose();
        if (terminal != null) terminal.close();
    }
}
