package dev.tillsync.desktop;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * The entry other code calls (bin/pos demo): opens the POS window on a linked terminal's data folder and
 * blocks until the window is closed. Call it at most once per JVM (a JavaFX rule), and close any PosTerminal
 * you opened on the same folder first: the window opens its own engine there.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {}

    public static void launch(Path terminalDataDir) {
        launch(terminalDataDir, 5);
    }

    /** @param lockMinutes lock the screen after this many idle minutes; 0 never */
    public static void launch(Path terminalDataDir, int lockMinutes) {
        Application.launch(PosApp.class, new DesktopArgs(terminalDataDir, lockMinutes).toArgs());
    }
}
