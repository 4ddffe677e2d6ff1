package dev.tillsync.desktop.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** Short notices in the corner ("You are offline..."); the last one stays readable for a few seconds. */
public final class Notifier {
    public enum Kind { INFO, WARNING, ERROR, SUCCESS }

    static final double HEIGHT = 44;

    private final Label toast = new Label();
    private final PauseTransition hide = new PauseTransition(Duration.seconds(8));

    Notifier() {
        toast.setId("notification");
        toast.getStyleClass().add("toast");
        toast.setMaxWidth(980);
        toast.setMaxHeight(HEIGHT);
        toast.setMinHeight(HEIGHT);
        toast.setVisible(false);
        toast.setMouseTransparent(true);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new javafx.geometry.Insets(0, 0, 4, 0));
        hide.setOnFinished(e -> toast.setVisible(false));
    }

    Label node() {
        return toast;
    }

    public void show(Kind kind, String text) {
        toast.getStyleClass().removeIf(c -> c.startsWith("toast-"));
        toast.getStyleClass().add("toast-" + kind.name().toLowerCase());
        toast.setText(text);
        toast.setTooltip(new javafx.scene.control.Tooltip(text));
        toast.setVisible(true);
        toast.toFront();
        hide.playFromStart();
    }

    public void info(String text) {
        show(Kind.INFO, text);
    }

    public void error(String text) {
        show(Kind.ERROR, text);
    }
}
