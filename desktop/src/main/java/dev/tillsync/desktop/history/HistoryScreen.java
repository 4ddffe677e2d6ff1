package dev.tillsync.desktop.history;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.sale.ReceiptPreview;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Sales History: every transaction with its sync status (Pending / Syncing / Synced / Failed with the reason).
 * Refreshes itself while syncs run; reprint needs can_reprint, retry puts a failed row back in the queue.
 */
public final class HistoryScreen implements Screen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PosWindow pos;
    private final TableView<HistoryEntry> table = new TableView<>();
    private final ChoiceBox<String> filter = new ChoiceBox<>();
    private final ChoiceBox<String> kinds = new ChoiceBox<>();
    private final Label detail = Ui.label("historyDetail", "Select a transaction to see its details.", "muted");
    private final Button reprint;
    private final Button retry;
    private final Button refund;
    private final VBox view;
    private final Consumer<TerminalEvent> onEvent = e -> {
        if (e instanceof TerminalEvent.SyncFinished || e instanceof TerminalEvent.SaleRecorded) reload();
    };

    public HistoryScreen(PosWindow pos) {
        this.pos = pos;
        table.setId("historyTable");
        table.setPlaceholder(new Label("Loading…")); // until the first answer: an empty list is not "no transactions"
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("Number", 190, HistoryRow::number));
        table.getColumns().add(col("Time", 180, e -> TIME.format(e.at())));
        table.getColumns().add(col("Kind", 110, HistoryRow::kind));
        table.getColumns().add(col("Customer", 160, e -> e.customer() == null ? "" : e.customer()));
        table.getColumns().add(col("Total", 100, e -> MoneyText.ofNullable(e.totalMinor())));
        table.getColumns().add(col("Offline", 110, HistoryRow::offline));
        TableColumn<HistoryEntry, String> status = col("Sync status", 200, HistoryEntry::statusText);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> select(e));

        filter.setId("historyFilter");
        filter.getItems().addAll("All", "Pending", "Syncing", "Synced", "Failed");
        filter.setValue("All");
        filter.getStyleClass().add("big");
        filter.valueProperty().addListener((o, a, v) -> reload());
        kinds.setId("historyKinds");
        kinds.getItems().addAll(HistoryRow.EVERYTHING, HistoryRow.SALES, HistoryRow.SHIFTS);
        kinds.setValue(HistoryRow.EVERYTHING);
        kinds.getStyleClass().add("big");
        kinds.valueProperty().addListener((o, a, v) -> reload());

        reprint = Ui.button("reprintButton", "Reprint", this::reprint);
        reprint.setVisible(pos.can(Permission.REPRINT));
        reprint.setManaged(pos.can(Permission.REPRINT));
        reprint.setDisable(true);
        retry = Ui.button("retryButton", "Retry", this::retry);
        retry.setDisable(true);
        refund = Ui.button("refundFromHistory", "Refund (F6)", this::refund);
        refund.setDisable(true);
        view = new VBox(12, Ui.row(Ui.heading("Sales History"), Ui.spacer(), Ui.label(null, "Show", "muted"), kinds, filter,
                Ui.button("refreshHistory", "Refresh", this::reload),
                Ui.button("syncFromHistory", "Sync now (F9)", pos::openSync)),
                table, detail, Ui.row(refund, reprint, retry, Ui.spacer(), Ui.button("backToSale", "Back to sale (Esc)", pos::afterLogin)));
        view.setPadding(new Insets(16));
        view.setId("historyScreen");
        view.sceneProperty().addListener((o, a, s) -> {
            if (s == null) pos.unsubscribe(onEvent);
        });
    }

    private static TableColumn<HistoryEntry, String> col(String title, double w, Function<HistoryEntry, String> f) {
        TableColumn<HistoryEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    /** Status as a coloured label; a Failed row shows the server's reason on hover. */
    private static final class StatusCell extends TableCell<HistoryEntry, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeIf(c -> c.startsWith("sync-"));
            HistoryEntry e = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (e == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text);
            getStyleClass().add("sync-" + e.status().name().toLowerCase());
            setTooltip(e.status() == SyncStatus.FAILED ? new Tooltip(e.reason() == null ? e.reasonCode() : e.reason()) : null);
        }
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        pos.subscribe(onEvent);
        reload();
        table.requestFocus();
    }

    @Override
    public boolean onKey(KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.F6) {
            refund();
            return true;
        }
        return false;
    }

    private void refund() {
        HistoryEntry e = table.getSelectionModel().getSelectedItem();
        if (e == null || !HistoryRow.isSale(e)) {
            pos.notifier().error("Choose a sale (not a return or shift event) to refund, or press Shift+F6 anywhere and scan the receipt.");
            return;
        }
        pos.showRefund(e.number());
    }

    private void reload() {
        String f = filter.getValue();
        SyncStatus status = "All".equals(f) ? null : SyncStatus.fromLabel(f);
        String selected = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().uuid();
        String what = kinds.getValue();
        pos.background().run(() -> pos.terminal().history(new HistoryFilter(status, false, 500)), all -> {
            java.util.List<HistoryEntry> list = all.stream().filter(e -> HistoryRow.shows(what, e)).toList();
            table.setPlaceholder(new Label(all.isEmpty() ? "No transactions yet" : "None of this kind"));
            table.getItems().setAll(list);
            if (selected != null) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).uuid().equals(selected)) table.getSelectionModel().select(i);
                }
            }
        }, e -> pos.notifier().error(Background.message(e)));
    }

    private void select(HistoryEntry e) {
        if (e == null) {
            detail.setText("Select a transaction to see its details.");
            reprint.setDisable(true);
            retry.setDisable(true);
            refund.setDisable(true);
            return;
        }
        String text = HistoryRow.kind(e) + " " + HistoryRow.number(e) + " · seq " + e.seq() + " · " + e.statusText()
                + (e.attempts() > 0 ? " · " + e.attempts() + " attempt(s)" : "");
        if (e.status() == SyncStatus.FAILED) {
            text += "\nReason: " + (e.reason() == null ? e.reasonCode() : e.reason()) + (e.reasonCode() == null ? "" : " [" + e.reasonCode() + "]");
        }
        detail.setText(text);
        reprint.setDisable(e.totalMinor() == null);
        retry.setDisable(e.status() != SyncStatus.FAILED);
        refund.setDisable(!HistoryRow.isSale(e));
    }

    private void reprint() {
        HistoryEntry e = table.getSelectionModel().getSelectedItem();
        if (e == null) return;
        if (!pos.can(Permission.REPRINT)) {
            pos.notifier().error("Reprinting needs the can_reprint permission.");
            return;
        }
        pos.background().run(() -> pos.terminal().reprint(e.number()), r -> new ReceiptPreview(pos, r).open(),
                ex -> pos.notifier().error(Background.message(ex)));
    }

    private void retry() {
        HistoryEntry e = table.getSelectionModel().getSelectedItem();
        if (e == null || e.status() != SyncStatus.FAILED) return;
        pos.notifier().info("Retrying " + e.number() + "…");
        pos.background().await(() -> { // back in the queue, then sent at once
            pos.terminal().retry(e.uuid());
            return pos.terminal().syncNow();
        }, s -> reload(),
                ex -> pos.notifier().error(Background.message(ex)));
        reload();
    }
}
