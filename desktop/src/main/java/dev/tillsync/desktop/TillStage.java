package dev.tillsync.desktop;

import dev.tillsync.desktop.link.LinkScreen;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.PosTerminal;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/** What the stage shows for a data folder: the link screen until it is linked, then the POS window (login first). */
public final class TillStage {
    private TillStage() {}

    /**
     * Shows the right first screen on {@code stage}; {@code opened} receives the POS window once there is one (at once
     * for a linked folder, after linking for a new one), already started and with the background sync running.
     */
    public static void show(Stage stage, PosTerminal terminal, Duration lockAfterIdle, Consumer<PosWindow> opened) {
        if (!terminal.isLinked()) {
            LinkScreen[] screen = new LinkScreen[1];
            screen[0] = new LinkScreen(terminal, r -> {
                screen[0].dispose();
                openWindow(stage, terminal, lockAfterIdle, opened);
            });
            stage.setScene(screen[0].scene());
            fitToScreen(stage);
            stage.show();
            return;
        }
        openWindow(stage, terminal, lockAfterIdle, opened);
    }

    private static void openWindow(Stage stage, PosTerminal terminal, Duration lockAfterIdle, Consumer<PosWindow> opened) {
        PosWindow window = new PosWindow(terminal, lockAfterIdle);
        stage.setScene(window.scene());
        fitToScreen(stage);
        stage.show();
        window.start();
        terminal.startBackground();
        opened.accept(window);
    }

    /** A laptop's 1366×768 is smaller than the designed 1280×800 scene: shrink to the usable area, never below the minimum. */
    private static void fitToScreen(Stage stage) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        Scene scene = stage.getScene();
        if (scene.getWidth() > usable.getWidth()) stage.setWidth(Math.max(stage.getMinWidth(), usable.getWidth()));
        if (scene.getHeight() > usable.getHeight()) stage.setHeight(Math.max(stage.getMinHeight(), usable.getHeight()));
    }
}
