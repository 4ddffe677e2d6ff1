package dev.tillsync.desktop.login;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.DeviceUserInfo;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.UserSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A cashier logged in while another's shift (and cash drawer) is open. The till has one drawer, so they do not sell on
 * it until a user with can_configure_pos approves with their PIN (logged with who and whose shift); else they log out.
 * Nothing is sold in between: the window's user is set only after the approval.
 */
final class OtherShift {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final PosWindow pos;
    private final UserSession session;
    private final ShiftInfo shift;
    private final List<DeviceUserInfo> users;
    private final VBox box;
    private final ChoiceBox<DeviceUserInfo> approver = new ChoiceBox<>();
    private final PasswordField pin = Ui.secret("approverPin", "Approver's PIN");
    private final Label error = Ui.label("otherShiftError", "", "error-text");

    OtherShift(PosWindow pos, UserSession session, ShiftInfo shift, List<DeviceUserInfo> users, VBox box) {
        this.pos = pos;
        this.session = session;
        this.shift = shift;
        this.users = users;
        this.box = box;
    }

    private String nameOf(String email) {
        return users.stream().filter(u -> u.email().equalsIgnoreCase(email)).map(DeviceUserInfo::displayName).findFirst().orElse(email);
    }

    void show() {
        String owner = nameOf(shift.user());
        Label notice = Ui.label("otherShiftNotice", owner + "'s shift is open on this till (since " + TIME.format(shift.openedAt())
                + ", float " + MoneyText.of(shift.openingFloatMinor()) + "), and the cash drawer is theirs. This till has one drawer: "
                + "to sell on " + owner + "'s shift, " + session.displayName() + " needs a manager's approval (a user with "
                + Permission.CONFIGURE_POS.flag() + "). Or log out, and " + owner + " closes the shift first.", "subheading");
        notice.setMaxWidth(620);
        approver.setId("approverChoice");
        approver.getStyleClass().add("big");
        approver.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceUserInfo u) {
                return u == null ? "" : u.displayName();
            }

            @Override
            public DeviceUserInfo fromString(String s) {
                return null;
            }
        });
        approver.getItems().setAll(users.stream().filter(u -> u.permissions().contains(Permission.CONFIGURE_POS)).toList());
        if (!approver.getItems().isEmpty()) approver.setValue(approver.getItems().get(0));
        pin.setMaxWidth(200);
        pin.setOnAction(e -> approve());
        Button ok = Ui.button("approveOtherShift", "Approve (Enter)", this::approve);
        Button out = Ui.button("otherShiftLogout", "Log out", pos::logout);
        box.getChildren().setAll(Ui.heading("Someone else's shift is open"), notice,
                Ui.row(Ui.label(null, "Approved by", "muted"), approver,
                        Ui.label(null, "who types their PIN:", "muted"), pin), Ui.row(ok, out), error);
        if (approver.getItems().isEmpty()) error.setText("No user of this till may approve: log out, and " + owner + " closes the shift.");
        pin.requestFocus();
    }

    private void approve() {
        DeviceUserInfo a = approver.getValue();
        String typed = pin.getText();
        if (a == null || typed.isBlank()) {
            error.setText("Choose who approves and have them type their PIN.");
            return;
        }
        String what = session.email() + " sells on " + shift.user() + "'s open shift " + shift.uuid();
        pos.background().inOrder(() -> pos.terminal().approve(a.email(), typed, what), ok -> {
            pos.user().set(session);
            pos.notifier().info(session.displayName() + " now sells on " + nameOf(shift.user()) + "'s shift (approved by " + nameOf(ok) + ")");
            pos.afterLogin();
        }, e -> {
            pin.clear();
            error.setText(Background.message(e));
            pin.requestFocus();
        });
    }
}
