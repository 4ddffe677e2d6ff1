package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;

/** A yes/no question over the sale screen: Enter does what it says, Esc keeps things as they were. Nothing changes before Enter. */
final class ConfirmDialog {
    private ConfirmDialog() {}

    /** As {@link #ask}, with a reason the cashier may retype (prefilled with {@code defaultReason}); Enter in it confirms. */
    static void askReason(PosWindow pos, String id, String question, String detail, String yesText, String defaultReason,
                          java.util.function.Consumer<String> onYes) {
        javafx.scene.control.TextField reason = Ui.field(id + "Reason", "Reason");
        reason.setText(defaultReason);
        javafx.scene.control.Label error = Ui.label(id + "Error", "", "error-text");
        Runnable yesAction = () -> {
            String r = reason.getText().trim();
            if (r.isEmpty()) {
                error.setText("Give a reason (it goes to the event log).");
                reason.requestFocus();
                return;
            }
            pos.overlay().close();
            onYes.accept(r);
        };
        Button yes = Ui.button(id + "Yes", yesText + " (Enter)", yesAction);
        yes.getStyleClass().add("danger");
        reason.setOnAction(e -> yesAction.run());
        Button no = Ui.button(id + "No", "Keep (Esc)", pos.overlay()::close);
        VBox content = new VBox(14, Ui.heading(question), Ui.label(id + "Detail", detail, "muted"),
                Ui.row(Ui.label(null, "Reason", "muted"), reason), error, Ui.row(yes, Ui.spacer(), no));
        content.setPrefWidth(600);
        pos.overlay().show(id, content, null);
        reason.requestFocus();
        reason.selectAll();
    }

    static void ask(PosWindow pos, String id, String question, String detail, String yesText, Runnable onYes) {
        Button yes = Ui.button(id + "Yes", yesText + " (Enter)", () -> {
            pos.overlay().close();
            onYes.run();
        });
        yes.setDefaultButton(true);
        yes.getStyleClass().add("danger");
        Button no = Ui.button(id + "No", "Keep (Esc)", pos.overlay()::close);
        VBox content = new VBox(14, Ui.heading(question), Ui.label(id + "Detail", detail, "muted"), Ui.row(yes, Ui.spacer(), no));
        content.setPrefWidth(560);
        pos.overlay().show(id, content, null);
        yes.requestFocus();
    }
}
