package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.DeviceUserInfo;
import dev.tillsync.terminal.Permission;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * A discount over the cashier's limit: a device user with can_configure_pos approves on this till (offline too) by
 * picking their name (Up/Down) and typing their PIN. The engine checks the PIN and the flag; the approver is recorded.
 */
final class ApprovalDialog {
    private final PosWindow pos;
    private final List<String> reasons;
    private final Consumer<String> onApproved;
    private final ListView<DeviceUserInfo> approvers = new ListView<>();
    private final PasswordField pin = Ui.secret("approverPin", "Approver's PIN");
    private final Label error = Ui.label("approvalError", "", "error-text");

    ApprovalDialog(PosWindow pos, List<String> reasons, Consumer<String> onApproved) {
        this.pos = pos;
        this.reasons = reasons;
        this.onApproved = onApproved;
        approvers.setId("approverList");
        approvers.setPrefSize(520, 140);
        approvers.setFocusTraversable(false);
        approvers.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceUserInfo u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.displayName() + "   " + u.email());
            }
        });
        pin.setOnAction(e -> approve());
        pin.setOnKeyPressed(e -> {
            int i = approvers.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.DOWN && i + 1 < approvers.getItems().size()) approvers.getSelectionModel().select(i + 1);
            else if (e.getCode() == KeyCode.UP && i > 0) approvers.getSelectionModel().select(i - 1);
        });
        approvers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> pin.requestFocus());
    }

    void open() {
        VBox content = new VBox(12, Ui.heading("Manager approval needed"),
                Ui.label("approvalReasons", String.join("\n", reasons), "muted"),
                Ui.label(null, "Approver (Up/Down), then their PIN and Enter:", "muted"), approvers, pin, error,
                Ui.row(Ui.button("approveButton", "Approve (Enter)", this::approve), Ui.spacer(),
                        Ui.button("approvalCancel", "Cancel (Esc)", pos.overlay()::close)));
        content.setPrefWidth(640);
        pos.overlay().show("approvalDialog", content, null);
        pin.requestFocus();
        pos.background().run(() -> pos.terminal().deviceUsers().stream().filter(u -> u.permissions().contains(Permission.CONFIGURE_POS)).toList(),
                list -> {
                    approvers.getItems().setAll(list);
                    if (list.isEmpty()) error.setText("No user of this till may approve (can_configure_pos): take the discount off (F5/F6 then 0).");
                    else approvers.getSelectionModel().selectFirst();
                    pin.requestFocus();
                }, e -> error.setText(Background.message(e)));
    }

    private void approve() {
        DeviceUserInfo who = approvers.getSelectionModel().getSelectedItem();
        if (who == null) {
            error.setText("Choose who approves (Up/Down).");
            return;
        }
        String typed = pin.getText();
        pos.background().inOrder(() -> pos.terminal().approve(who.email(), typed), login -> {
            pos.overlay().close();
            onApproved.accept(login);
        }, e -> {
            error.setText(Background.message(e));
            pin.clear();
            pin.requestFocus();
        });
    }
}
