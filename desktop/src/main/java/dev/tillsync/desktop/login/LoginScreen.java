package dev.tillsync.desktop.login;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.DeviceUserInfo;
import dev.tillsync.terminal.UserSession;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Pick a user of this device and type the PIN. The PIN is checked by the engine against the synced hash,
 * so this works offline. Also the lock screen: then the locked user is preselected.
 */
public final class LoginScreen implements Screen {
    private final PosWindow pos;
    private final UserSession locked;
    private final ToggleGroup users = new ToggleGroup();
    private final FlowPane userList = new FlowPane(12, 12);
    private final PasswordField pin = Ui.secret("pinField", "PIN");
    private final Label error = Ui.label("loginError", "", "error-text");
    private final Button login;
    private final VBox box;
    private final VBox view;
    private final ScanGuard scans = new ScanGuard();
    private List<DeviceUserInfo> known = List.of();

    public LoginScreen(PosWindow pos, UserSession locked) {
        this.pos = pos;
        this.locked = locked;
        userList.setId("userList");
        userList.setAlignment(Pos.CENTER);
        userList.setPrefWrapLength(640);
        login = Ui.button("loginButton", locked == null ? "Log in" : "Unlock", this::submit);
        login.setDefaultButton(true);
        login.setMaxWidth(Double.MAX_VALUE);
        pin.setMaxWidth(320);
        pin.setOnAction(e -> submit());
        // The keyboard chooses the name too: the arrows move between the tiles while the PIN field keeps the focus.
        pin.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case LEFT, UP -> moveUser(-1);
                case RIGHT, DOWN -> moveUser(1);
                default -> { return; }
            }
            e.consume();
        });
        pin.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (pin.getText().isEmpty()) scans.reset();
            if (!e.getCharacter().isEmpty() && e.getCharacter().charAt(0) >= ' ') scans.typed(System.nanoTime());
        });
        Label title = Ui.heading(locked == null ? "Who is selling?" : "Screen locked");
        title.setId("loginTitle");
        Label hint = Ui.label(null, locked == null ? "Choose your name (click, or the arrow keys), then type your PIN."
                : "Locked for " + locked.displayName() + ". Type the PIN to unlock, or choose another user.", "muted");
        box = new VBox(18, title, hint, userList, pin, login, error);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(680);
        box.getStyleClass().add("panel");
        view = new VBox(box);
        view.setAlignment(Pos.CENTER);
        view.setId("loginScreen");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        pos.background().run(() -> pos.terminal().deviceUsers(), this::fill,
                e -> error.setText("Cannot list users: " + Background.message(e)));
        pin.requestFocus();
    }

    @Override
    public void refocus() {
        pin.requestFocus();
    }

    private void fill(List<DeviceUserInfo> list) {
        known = list;
        userList.getChildren().clear();
        for (DeviceUserInfo u : list) {
            ToggleButton b = new ToggleButton(u.displayName() + "\n" + u.email());
            b.setId("user-" + u.email().replaceAll("@.*", "").replaceAll("[^A-Za-z0-9]", "-"));
            b.setUserData(u);
            b.setToggleGroup(users);
            b.getStyleClass().addAll("big", "user-tile");
            b.setFocusTraversable(false);
            b.setOnAction(e -> pin.requestFocus());
            userList.getChildren().add(b);
            if (locked != null ? u.email().equalsIgnoreCase(locked.email()) : list.size() == 1) b.setSelected(true);
        }
        if (list.isEmpty()) error.setText("No users for this device yet: sync once while online.");
        pin.requestFocus();
    }

    /** Selects the tile {@code step} places from the selected one (the first when none is), wrapping around. */
    private void moveUser(int step) {
        var tiles = userList.getChildren();
        if (tiles.isEmpty()) return;
        int at = tiles.indexOf((Node) users.getSelectedToggle());
        int next = at < 0 ? (step > 0 ? 0 : tiles.size() - 1) : Math.floorMod(at + step, tiles.size());
        ((ToggleButton) tiles.get(next)).setSelected(true);
        error.setText("");
    }

    private record Entry(UserSession session, dev.tillsync.terminal.ShiftInfo shift) {}

    private void submit() {
        if (users.getSelectedToggle() == null) {
            error.setText("Choose your name first.");
            return;
        }
        DeviceUserInfo u = (DeviceUserInfo) users.getSelectedToggle().getUserData();
        String typed = pin.getText();
        if (typed.isBlank()) {
            error.setText("Type your PIN.");
            return;
        }
        if (!scans.mayBePin(typed)) { // never a PIN try: no "tries left" from a scan
            boolean scan = scans.burst() || typed.length() > 8;
            pin.clear();
            scans.reset();
            error.setText(scan ? "That was a barcode scan, not a PIN: nothing was tried. "
                    + (locked != null ? "The screen stays locked; type your PIN to unlock." : "Type your PIN to log in.")
                    : "A PIN is 4 to 8 digits: type yours again.");
            pin.requestFocus();
            return;
        }
        login.setDisable(true);
        pos.background().inOrder(() -> new Entry(pos.terminal().login(u.email(), typed), pos.terminal().currentShift().orElse(null)), in -> {
            if (in.shift() != null && !in.shift().user().equalsIgnoreCase(in.session().email())) {
                new OtherShift(pos, in.session(), in.shift(), known, box).show();
                return;
            }
            pos.user().set(in.session());
            pos.afterLogin();
        }, e -> {
            login.setDisable(false);
            pin.clear();
            error.setText(Background.message(e));
            pin.requestFocus();
        });
    }
}
