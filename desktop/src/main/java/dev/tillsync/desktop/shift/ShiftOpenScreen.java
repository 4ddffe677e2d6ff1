package dev.tillsync.desktop.shift;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Opens a shift with the cash counted into the drawer (the opening float). */
public final class ShiftOpenScreen implements Screen {
    private final PosWindow pos;
    private final TextField amount = Ui.field("openingFloat", "Opening float, e.g. 100.00");
    private final Label error = Ui.label("shiftError", "", "error-text");
    private final Button open;
    private final VBox view;

    public ShiftOpenScreen(PosWindow pos) {
        this.pos = pos;
        open = Ui.button("openShiftButton", "Open shift", this::submit);
        open.setDefaultButton(true);
        open.setMaxWidth(Double.MAX_VALUE);
        amount.setOnAction(e -> submit());
        amount.setMaxWidth(320);
        VBox box = new VBox(18, Ui.heading("Open a shift"),
                Ui.label(null, "Count the cash in the drawer and enter it as the opening float.", "muted"),
                amount, open, Ui.button("logoutButton", "Log out", pos::logout), error);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        box.getStyleClass().add("panel");
        view = new VBox(box);
        view.setAlignment(Pos.CENTER);
        view.setId("shiftOpenScreen");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        amount.requestFocus();
    }

    @Override
    public void refocus() {
        amount.requestFocus();
    }

    private void submit() {
        long minor;
        try {
            minor = MoneyText.parse(amount.getText().isBlank() ? "0" : amount.getText());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        open.setDisable(true);
        pos.background().inOrder(() -> pos.terminal().openShift(minor, null), shift -> {
            pos.notifier().info("Shift opened with a float of " + MoneyText.of(shift.openingFloatMinor()));
            pos.afterLogin();
        }, e -> {
            open.setDisable(false);
            error.setText(Background.message(e));
        });
    }
}
