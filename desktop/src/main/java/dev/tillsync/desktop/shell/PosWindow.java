package dev.tillsync.desktop.shell;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.engine.SettingsBook;
import dev.tillsync.desktop.engine.TillSettings;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.history.HistoryScreen;
import dev.tillsync.desktop.login.LoginScreen;
import dev.tillsync.desktop.refund.RefundScreen;
import dev.tillsync.desktop.settings.SettingsScreen;
import dev.tillsync.desktop.shift.ShiftCloseScreen;
import dev.tillsync.desktop.shift.ShiftOpenScreen;
import dev.tillsync.desktop.sale.SaleScreen;
import dev.tillsync.desktop.sync.ExportDialog;
import dev.tillsync.desktop.sync.SyncDialog;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalStatus;
import dev.tillsync.terminal.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import dev.tillsync.terminal.history.PricesAsOf;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The POS window: top bar (device, user, connectivity, menu), the unlink banner, the current screen, and
 * the overlay and notification layers. It turns engine events (engine threads) into screen updates (FX thread).
 */
public final class PosWindow {
    private final PosTerminal terminal;
    private final SettingsBook settingsBook;
    private final Background background = new Background();
    private final Notifier notifier = new Notifier();
    private final Overlay overlay = new Overlay();
    private final StatusIndicator indicator = new StatusIndicator();
    private final BorderPane frame = new BorderPane();
    private final StackPane root;
    private final Scene scene;
    private final Label deviceLabel = Ui.label("deviceLabel", "", "topbar-text");
    private final Label userLabel = Ui.label("userLabel", "", "topbar-text");
    private final Label pricesLabel = Ui.label("pricesAsOf", "", "topbar-text");
    private final Timeline pricesClock = new Timeline(new KeyFrame(Duration.seconds(5), e -> renderPrices()));
    private final javafx.scene.control.Tooltip pricesTip = new javafx.scene.control.Tooltip();
    private java.time.Instant pricesAsOf;
    private final Label unlinkBanner = Ui.label("unlinkBanner", "", "banner");
    private final MenuButton menu = new MenuButton("Menu (F10)");
    private final MenuItem menuExport = item("menuExport", "Export transactions", this::openExport);
    private final MenuItem menuSettings = item("menuSettings", "Settings", this::showSettings);
    private final ObjectProperty<UserSession> user = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionStatus> link = new SimpleObjectProperty<>(ConnectionStatus.LINKED);
    private final ObjectProperty<TillSettings> settings = new SimpleObjectProperty<>();
    private final List<Consumer<TerminalEvent>> subscribers = new ArrayList<>();
    private final PauseTransition idle;
    private final SaleScreen sale;
    private Screen current;
    private Boolean lastOnline;

    /** A window over {@code terminal}; the window never closes it (its owner does). */
    public PosWindow(PosTerminal terminal, Duration lockAfterIdle) {
        this.terminal = Objects.requireNonNull(terminal);
        this.settingsBook = new SettingsBook(terminal);
        this.sale = new SaleScreen(this);
        menu.setId("menuButton");
        menu.getStyleClass().add("big");
        menu.setFocusTraversable(false);
        Menu more = new Menu("More");
        more.setId("menuMore");
        more.getItems().addAll(item("menuSyncSystem", "Sync System", this::openSync), menuExport, menuSettings);
        menu.getItems().addAll(
                item("menuSale", "Sale", this::showSale),
                item("menuHistory", "Sales History (F8)", this::showHistory),
                item("menuRefund", "Refund / return (Shift+F6)", () -> showRefund(null)),
                item("menuCloseShift", "Close shift", this::showCloseShift),
                more,
                new SeparatorMenuItem(),
                item("menuLock", "Lock screen", this::lock),
                item("menuLogout", "Log out", this::logout));

        Label title = Ui.label("appTitle", "tillsync POS", "brand");
        // On a 1024 px screen the prices line gives way (ellipsis, full text in its tooltip), never the device or user.
        for (Label l : List.of(title, deviceLabel, userLabel)) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.setWrapText(false);
        }
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pricesLabel.setWrapText(false);
        pricesLabel.setMinWidth(0);
        pricesLabel.setStyle("-fx-font-size: 13px;");
        pricesLabel.setTooltip(pricesTip);
        HBox top = new HBox(16, title, deviceLabel, userLabel, Ui.spacer(), pricesLabel, indicator.node(), menu);
        top.setId("topBar");
        top.getStyleClass().add("topbar");
        top.setAlignment(Pos.CENTER_LEFT);
        unlinkBanner.setMaxWidth(Double.MAX_VALUE);
        unlinkBanner.setVisible(false);
        unlinkBanner.setManaged(false);
        frame.setTop(new VBox(top, unlinkBanner));
        // notices appear in this reserved strip, so they never hide the totals or buttons of a screen
        HBox noticeStrip = new HBox();
        noticeStrip.setId("noticeStrip");
        noticeStrip.getStyleClass().add("notice-strip");
        noticeStrip.setMinHeight(Notifier.HEIGHT + 8);
        frame.setBottom(noticeStrip);
        root = new StackPane(frame, overlay.node(), notifier.node());
        root.setId("root");
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(PosWindow.class.getResource("/dev/tillsync/desktop/pos.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        idle = new PauseTransition(lockAfterIdle);
        idle.setOnFinished(e -> {
            if (user.get() != null && !(current instanceof LoginScreen)) lock();
        });
        scene.addEventFilter(InputEvent.ANY, e -> idle.playFromStart());
        overlay.onClosed(() -> {
            if (current != null) current.refocus();
        });
        user.addListener((o, a, u) -> {
            userLabel.setText(u == null ? "" : u.displayName());
            menu.setVisible(u != null);
            menuExport.setVisible(u != null && u.can(Permission.EXPORT_LOG));
            menuSettings.setVisible(u != null && u.can(Permission.CONFIGURE_POS));
        });
        menu.setVisible(false);
        terminal.addListener(e -> Platform.runLater(() -> onEngineEvent(e)));
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem mi = new MenuItem(text);
        mi.setId(id);
        mi.setOnAction(e -> action.run());
        return mi;
    }

    /** Changes how long the window waits without input before it locks (Duration.INDEFINITE: never). */
    public void lockAfterIdle(Duration d) {
        idle.setDuration(d);
        idle.playFromStart();
    }

    public Scene scene() {
        return scene;
    }

    /** Loads who is logged in, the shift, the link status and settings, then shows the right screen. */
    public void start() {
        idle.playFromStart();
        background.run(() -> {
            UserSession u = terminal.currentUser().orElse(null);
            var shift = terminal.currentShift().orElse(null);
            // A login on another cashier's open shift was approved for that moment only: after a restart it is asked again.
            boolean onOthersShift = u != null && shift != null && !shift.user().equalsIgnoreCase(u.email());
            if (onOthersShift) terminal.logout();
            return new Startup(terminal.status(), onOthersShift ? null : u, settingsBook.load(), onOthersShift);
        }, s -> {
            applyStatus(s.status());
            settings.set(s.settings());
            user.set(s.user());
            if (s.user() == null) showLogin(false);
            else afterLogin();
            if (s.loggedOutOfOthersShift()) {
                notifier.show(Notifier.Kind.WARNING, "The shift open on this till is another cashier's: log in again (a manager approves).");
            }
        }, e -> {
            notifier.error("Could not read the terminal: " + Background.message(e));
            showLogin(false);
        });
    }

    private record Startup(TerminalStatus status, UserSession user, TillSettings settings, boolean loggedOutOfOthersShift) {}

    void applyStatus(TerminalStatus s) {
        showPrices(s.pricesAsOf());
        deviceLabel.setText(s.posId() == null ? "Not linked" : s.posId());
        indicator.connectivity(s.online(), null);
        lastOnline = s.online();
        if (!s.online()) notifier.show(Notifier.Kind.WARNING, "You are offline: sales are saved on this device");
        link.set(linkOf(s.linkStatus()));
        renderLink();
    }

    /** "Prices as of TIME (pulled N ago)": how fresh the till's prices are, re-read after each sync. */
    private void showPrices(java.time.Instant asOf) {
        pricesAsOf = asOf;
        renderPrices();
        if (pricesClock.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            pricesClock.setCycleCount(javafx.animation.Animation.INDEFINITE);
            pricesClock.play();
        }
    }

    private void renderPrices() {
        String text = PricesAsOf.describe(pricesAsOf, java.time.Instant.now(), java.time.ZoneId.systemDefault());
        pricesLabel.setText(text);
        pricesTip.setText(text);
    }

    private static ConnectionStatus linkOf(String label) {
        try {
            return ConnectionStatus.fromLabel(label);
        } catch (IllegalArgumentException e) {
            return ConnectionStatus.UNLINKED; // "Not linked": nothing may be sold
        }
    }

    private void onEngineEvent(TerminalEvent e) {
        if (e instanceof TerminalEvent.ConnectivityChanged c) {
            indicator.connectivity(c.online(), c.reason());
            if (lastOnline == null || lastOnline != c.online()) {
                if (c.online()) notifier.show(Notifier.Kind.SUCCESS, "Back online — syncing");
                else notifier.show(Notifier.Kind.WARNING, "You are offline: sales are saved on this device");
            }
            if (!c.online() && c.reason() != null && c.reason().contains("certificate")) notifier.show(Notifier.Kind.ERROR, c.reason());
            lastOnline = c.online();
        } else if (e instanceof TerminalEvent.SyncProgress p) {
            indicator.progress(p.sent(), p.total());
        } else if (e instanceof TerminalEvent.SyncFinished) {
            indicator.syncDone();
            background.run(terminal::status, st -> showPrices(st.pricesAsOf()), ex -> { });
        } else if (e instanceof TerminalEvent.UnlinkStateChanged u) {
            link.set(u.status());
            renderLink();
        }
        for (Consumer<TerminalEvent> s : List.copyOf(subscribers)) s.accept(e);
    }

    private void renderLink() {
        ConnectionStatus s = link.get();
        boolean show = s != ConnectionStatus.LINKED;
        unlinkBanner.setText(s == ConnectionStatus.UNLINK_IN_PROGRESS
                ? "Unlink in progress: new sales are blocked while this terminal sends its remaining transactions."
                : "This terminal is unlinked: it no longer sells or syncs. Ask a manager to link it again.");
        unlinkBanner.setVisible(show);
        unlinkBanner.setManaged(show);
        sale.salesBlocked(show);
    }

    /** Engine events, on the FX thread, for screens and dialogs that want them. */
    public void subscribe(Consumer<TerminalEvent> s) {
        subscribers.add(s);
    }

    public void unsubscribe(Consumer<TerminalEvent> s) {
        subscribers.remove(s);
    }

    private void onKey(KeyEvent e) {
        if (overlay.isOpen()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                overlay.cancel();
                e.consume();
            }
            return;
        }
        if (user.get() == null || current instanceof LoginScreen) return;
        if (current != null && current.onKey(e)) {
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case F6 -> { if (e.isShiftDown()) showRefund(null); else return; } // plain F6 is the sale screen's sale discount
            case F8 -> showHistory();
            case F9 -> openSync();
            case F10 -> menu.show();
            case ESCAPE -> { if (!(current instanceof SaleScreen) && !(current instanceof ShiftOpenScreen)) afterLogin(); }
            case L -> { if (e.isShortcutDown()) lock(); else return; }
            default -> { return; }
        }
        e.consume();
    }

    void show(Screen s) {
        overlay.close();
        current = s;
        frame.setCenter(s.view());
        s.shown();
    }

    public void showLogin(boolean locked) {
        show(new LoginScreen(this, locked ? user.get() : null));
    }

    /** After a login or unlock: the sale screen when a shift is open, else the shift opening. */
    public void afterLogin() {
        background.run(() -> terminal.currentShift().orElse(null), shift -> {
            if (shift == null) show(new ShiftOpenScreen(this));
            else show(sale);
        }, e -> notifier.error(Background.message(e)));
    }

    public void showSale() {
        afterLogin();
    }

    public void showHistory() {
        show(new HistoryScreen(this));
    }

    /** The refund screen, on the sale {@code invoiceNumber} when given (else it waits for a receipt scan). */
    public void showRefund(String invoiceNumber) {
        show(new RefundScreen(this, invoiceNumber));
    }

    public void showCloseShift() {
        show(new ShiftCloseScreen(this));
    }

    public void showSettings() {
        if (!can(Permission.CONFIGURE_POS)) {
            notifier.error("Settings need the can_configure_pos permission.");
            return;
        }
        show(new SettingsScreen(this));
    }

    public void openSync() {
        new SyncDialog(this).open();
    }

    public void openExport() {
        if (!can(Permission.EXPORT_LOG)) {
            notifier.error("Exporting transactions needs the can_export_log permission.");
            return;
        }
        new ExportDialog(this).open();
    }

    public void lock() {
        if (user.get() == null) return;
        showLogin(true);
    }

    public void logout() {
        background.run(() -> {
            terminal.logout();
            return true;
        }, ok -> {
            user.set(null);
            showLogin(false);
        }, e -> notifier.error(Background.message(e)));
    }

    public boolean can(Permission p) {
        return user.get() != null && user.get().can(p);
    }

    /** The engine the screens call (off the FX thread, through {@link #background()}). */
    public PosTerminal terminal() {
        return terminal;
    }

    /** The settings form's reads and writes (engine settings and the desktop's own preferences). */
    public SettingsBook settingsBook() {
        return settingsBook;
    }

    public Background background() {
        return background;
    }

    public Notifier notifier() {
        return notifier;
    }

    public Overlay overlay() {
        return overlay;
    }

    public ObjectProperty<UserSession> user() {
        return user;
    }

    public ObjectProperty<TillSettings> settings() {
        return settings;
    }

    public boolean salesBlocked() {
        return link.get() != ConnectionStatus.LINKED;
    }

    public StatusIndicator indicator() {
        return indicator;
    }

    /** Stops background work of the window (not the engine: its owner closes it). */
    public void dispose() {
        idle.stop();
        pricesClock.stop();
        background.close();
    }
}
