package dev.tillsync.desktop.shell;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/** One full-window screen of the POS. */
public interface Screen {
    Node view();

    /** Called each time the screen is shown (load fresh data, put focus where the cashier types). */
    default void shown() {}

    /** Keys the screen handles itself (F-keys, Esc); return true when consumed. */
    default boolean onKey(KeyEvent e) {
        return false;
    }

    /** Where focus goes back to after an overlay closes. */
    default void refocus() {}
}
