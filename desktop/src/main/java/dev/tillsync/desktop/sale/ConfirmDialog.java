package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;

/** A yes/no question over the sale screen: Enter does what it says, Esc keeps things as they were. Nothing changes before Enter. */
final class ConfirmDialog {
    private ConfirmDialog() {}

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
