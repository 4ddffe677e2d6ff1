package dev.tillsync.desktop.fx;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small factories so every screen gets the same large, touch-friendly controls with stable ids. */
public final class Ui {
    private Ui() {}

    public static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("big");
        b.setMinHeight(52);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A button that does not take keyboard focus when clicked, so the scan field keeps it. */
    public static Button quick(String id, String text, Runnable action) {
        Button b = button(id, text, action);
        b.setFocusTraversable(false);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    public static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.getStyleClass().add("big");
        return f;
    }

    public static PasswordField secret(String id, String prompt) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPromptText(prompt);
        f.getStyleClass().add("big");
        return f;
    }

    public static Label label(String id, String text, String... styleClasses) {
        Label l = new Label(text);
        if (id != null) l.setId(id);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        return l;
    }

    public static Label heading(String text) {
        return label(null, text, "heading");
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static HBox row(Node... nodes) {
        HBox h = new HBox(12, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}
