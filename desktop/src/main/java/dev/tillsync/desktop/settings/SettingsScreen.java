package dev.tillsync.desktop.settings;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.engine.TillSettings;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.TerminalStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Settings (needs can_configure_pos): printer target, server URL, receipt preview size and paper, cash drawer; device facts. */
public final class SettingsScreen implements Screen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PosWindow pos;
    private final TextField printer = Ui.field("printerTarget", "tcp://192.168.1.50:9100, cups:QUEUE, /dev/usb/lp0, a file or folder (blank: receipts folder)");
    private final Label printerMessage = Ui.label("printerMessage", "", "muted");
    private final ChoiceBox<String> drawerPin = new ChoiceBox<>();
    private final TextField drawerPulse = Ui.field("drawerPulse", "50/500 (ms on / ms off)");
    private final TextField server = Ui.field("serverUrl", "https://backoffice.example");
    private final ChoiceBox<TillSettings.PreviewSize> size = new ChoiceBox<>();
    private final ChoiceBox<Integer> paper = new ChoiceBox<>();
    private final Label posId = Ui.label("infoPosId", "", "value");
    private final Label series = Ui.label("infoSeries", "", "value");
    private final Label link = Ui.label("infoLink", "", "value");
    private final Label lastSync = Ui.label("infoLastSync", "", "value");
    private final Label queue = Ui.label("infoQueue", "", "value");
    private final Label message = Ui.label("settingsMessage", "", "muted");
    private final VBox view;

    public SettingsScreen(PosWindow pos) {
        this.pos = pos;
        size.setId("previewSize");
        size.getItems().addAll(TillSettings.PreviewSize.values());
        size.getStyleClass().add("big");
        size.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TillSettings.PreviewSize p) {
                return p == null ? "" : p.name().charAt(0) + p.name().substring(1).toLowerCase();
            }

            @Override
            public TillSettings.PreviewSize fromString(String s) {
                return TillSettings.PreviewSize.valueOf(s.toUpperCase());
            }
        });
        printer.setPrefColumnCount(36);
        server.setPrefColumnCount(36);
        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(12);
        form.addRow(0, Ui.label(null, "Printer target", "muted"), printer);
        printerMessage.setWrapText(true);
        printerMessage.setMaxWidth(640);
        printerMessage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a long failure wraps instead of ending in "..."
        form.add(Ui.row(Ui.button("testPrintButton", "Test print", this::testPrint), Ui.button("openDrawerButton", "Open drawer", this::openDrawer)), 1, 5);
        form.add(printerMessage, 1, 6);
        form.addRow(1, Ui.label(null, "Server URL", "muted"), server);
        form.addRow(2, Ui.label(null, "Receipt preview size", "muted"), size);
        drawerPin.setId("drawerPin");
        drawerPin.getItems().addAll("2", "5", "off");
        drawerPin.getStyleClass().add("big");
        drawerPulse.setPrefColumnCount(10);
        form.addRow(3, Ui.label(null, "Cash drawer pin / pulse", "muted"), Ui.row(drawerPin, drawerPulse));
        paper.setId("receiptColumns");
        paper.getItems().addAll(32, 42, 48);
        paper.getStyleClass().add("big");
        paper.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer c) {
                return c == null ? "" : c == 32 ? "58 mm (32 columns)" : "80 mm (" + c + " columns)";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll(".*\\((\\d+) columns\\).*", "$1"));
            }
        });
        form.addRow(4, Ui.label(null, "Receipt paper", "muted"), paper);
        GridPane info = new GridPane();
        info.setHgap(16);
        info.setVgap(8);
        info.addRow(0, Ui.label(null, "POS ID", "muted"), posId);
        info.addRow(1, Ui.label(null, "Invoice series", "muted"), series);
        info.addRow(2, Ui.label(null, "Link status", "muted"), link);
        info.addRow(3, Ui.label(null, "Last sync", "muted"), lastSync);
        info.addRow(4, Ui.label(null, "Queue", "muted"), queue);
        view = new VBox(16, Ui.heading("Settings"), form,
                Ui.row(Ui.button("saveSettingsButton", "Save", this::save), Ui.button("settingsBack", "Back (Esc)", pos::afterLogin)),
                message, Ui.label(null, "Device", "subheading"), info);
        view.setPadding(new Insets(24));
        view.setId("settingsScreen");
    }

    @Override
    public Node view() {
        return view;
    }

    private record Loaded(TillSettings settings, TerminalStatus status, String series) {}

    @Override
    public void shown() {
        pos.background().run(() -> new Loaded(pos.settingsBook().load(), pos.terminal().status(), pos.terminal().deviceInfo().invoiceSeries()), l -> {
            printer.setText(l.settings().printerTarget() == null ? "" : l.settings().printerTarget());
            server.setText(l.settings().serverUrl() == null ? "" : l.settings().serverUrl());
            size.setValue(l.settings().previewSize());
            drawerPin.setValue(l.settings().drawerPin());
            drawerPulse.setText(l.settings().drawerPulse() == null ? "" : l.settings().drawerPulse());
            paper.setValue(l.settings().receiptColumns());
            TerminalStatus s = l.status();
            posId.setText(s.posId() == null ? "—" : s.posId());
            series.setText(l.series() == null ? "—" : l.series());
            link.setText(s.linkStatus() + (s.online() ? " · online" : " · offline"));
            lastSync.setText(s.lastSync() == null ? "never" : TIME.format(s.lastSync())
                    + (s.lastError() == null ? "" : " · last error: " + s.lastError()));
            queue.setText(s.pending() + " pending, " + s.failed() + " failed, " + s.synced() + " synced");
        }, e -> message.setText(Background.message(e)));
        printer.requestFocus();
    }

    /** Prints a test receipt on the target as typed (saved or not), off the FX thread: a dead printer takes seconds to say so. */
    private void testPrint() {
        String target = printer.getText().isBlank() ? null : printer.getText().trim();
        printerMessage.setText("Printing a test receipt…");
        pos.background().run(() -> pos.terminal().testPrint(target), this::showCheck, e -> showCheck(null, Background.message(e)));
    }

    /** Opens the drawer on the saved printer; the engine logs who and when. */
    private void openDrawer() {
        printerMessage.setText("Opening the drawer…");
        pos.background().run(() -> pos.terminal().openDrawer("settings screen"), this::showCheck, e -> showCheck(null, Background.message(e)));
    }

    private void showCheck(dev.tillsync.terminal.receipt.printer.PrintCheck c) {
        showCheck(c, c.message());
    }

    private void showCheck(dev.tillsync.terminal.receipt.printer.PrintCheck c, String text) {
        boolean ok = c != null && c.ok();
        printerMessage.setText(text);
        printerMessage.getStyleClass().removeAll("error-text", "muted");
        printerMessage.getStyleClass().add(ok ? "muted" : "error-text");
        if (!ok) pos.notifier().show(dev.tillsync.desktop.shell.Notifier.Kind.WARNING, text);
    }

    private void save() {
        TillSettings s = new TillSettings(printer.getText(), server.getText().trim(), size.getValue(), drawerPin.getValue(),
                drawerPulse.getText(), paper.getValue());
        pos.background().run(() -> {
            pos.settingsBook().save(s);
            return pos.settingsBook().load();
        }, saved -> {
            pos.settings().set(saved);
            message.setText("Saved.");
            pos.notifier().info("Settings saved");
        }, e -> message.setText("Not saved: " + Background.message(e)));
    }
}
