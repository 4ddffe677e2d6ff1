package dev.tillsync.desktop.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One modal card at a time over the main screen (payment, search, sync, receipt). Kept in the same scene
 * so keyboard handling and screenshots see one window.
 */
public final class Overlay {
    private final StackPane layer = new StackPane();
    private Runnable onCancel;
    private Runnable onClosed;

    Overlay() {
        layer.setId("overlay");
        layer.getStyleClass().add("overlay");
        layer.setVisible(false);
        layer.setPickOnBounds(true);
    }

    StackPane node() {
        return layer;
    }

    /** Shows the card; Esc or {@link #close()} removes it, then {@code onClosed} of the window runs. */
    public void show(String id, Node content, Runnable onCancel) {
        VBox card = new VBox(14, content);
        card.setId(id);
        card.getStyleClass().add("card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        layer.getChildren().setAll(card);
        layer.setVisible(true);
        this.onCancel = onCancel;
    }

    public boolean isOpen() {
        return layer.isVisible();
    }

    /** Esc: the card's own cancel runs (it may refuse, e.g. while a sale is being recorded). */
    public void cancel() {
        if (onCancel != null) onCancel.run();
        else close();
    }

    public void close() {
        layer.getChildren().clear();
        layer.setVisible(false);
        onCancel = null;
        if (onClosed != null) onClosed.run();
    }

    void onClosed(Runnable r) {
        this.onClosed = r;
    }
}
