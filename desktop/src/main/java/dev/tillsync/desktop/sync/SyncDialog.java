package dev.tillsync.desktop.sync;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.Notifier;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalEvent;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * Manual sync (Menu > More > Sync System, or the quick menu's Offline sync): progress while rows go up,
 * then what happened: synced, duplicates, failed with reasons. Joins an automatic sync already running.
 */
public final class SyncDialog {
    private final PosWindow pos;
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label progress = Ui.label("syncProgressText", "Connecting to the server…", "subheading");
    private final Label result = Ui.label("syncResult", "", "muted");
    private final Button close = Ui.button("syncCloseButton", "Close (Esc)", this::close);
    private final Consumer<TerminalEvent> onEvent = this::onEvent;

    public SyncDialog(PosWindow pos) {
        this.pos = pos;
        bar.setId("syncProgress");
        bar.setPrefWidth(560);
        bar.setPrefHeight(28);
        result.setMaxWidth(560);
    }

    public void open() {
        pos.overlay().show("syncDialog", new VBox(16, Ui.heading("Sync System"),
                Ui.label(null, "Sending this terminal's transactions to the back office, then fetching new prices and users.", "muted"),
                bar, progress, result, close), this::close);
        pos.subscribe(onEvent);
        pos.background().await(() -> pos.terminal().syncNow(), this::finished, e -> {
            bar.setProgress(0);
            progress.setText("Sync could not start");
            result.setText(Background.message(e));
            result.getStyleClass().add("error-text");
        });
    }

    private void onEvent(TerminalEvent e) {
        if (e instanceof TerminalEvent.SyncProgress p) {
            bar.setProgress(p.total() == 0 ? 1 : (double) p.sent() / p.total());
            progress.setText("Sent " + p.sent() + " of " + p.total() + " (" + p.batches() + " batch" + (p.batches() == 1 ? "" : "es") + ")");
        } else if (e instanceof TerminalEvent.PullProgress p) {
            progress.setText("Fetching updates: " + p.applied() + " applied, about " + p.remaining() + " to go");
        }
    }

    private void finished(SyncSummary s) {
        pos.unsubscribe(onEvent);
        bar.setProgress(1);
        StringBuilder b = new StringBuilder();
        b.append(s.synced()).append(" synced, ").append(s.duplicates()).append(" duplicate")
                .append(s.duplicates() == 1 ? "" : "s").append(", ").append(s.failed().size()).append(" failed")
                .append(" · ").append(s.pulledChanges()).append(s.pulledChanges() == 1 ? " update" : " updates").append(" received");
        for (FailedRow f : s.failed()) {
            b.append("\n• ").append(f.ref() == null ? "#" + f.seq() : f.ref()).append(": ").append(f.message())
                    .append(f.code() == null ? "" : " [" + f.code() + "]");
        }
        if (!s.completed()) b.append("\nStopped early: ").append(s.error());
        progress.setText(s.completed() ? "Sync complete" : "Sync stopped — transactions stay on this device");
        result.setText(b.toString());
        if (s.completed() && s.failed().isEmpty()) {
            pos.notifier().show(Notifier.Kind.SUCCESS, "Sync complete: " + s.synced() + " synced, " + s.duplicates() + " duplicates");
        } else if (s.completed()) {
            pos.notifier().show(Notifier.Kind.WARNING, "Sync complete: " + s.failed().size() + " failed — see Sales History");
        } else {
            pos.notifier().show(Notifier.Kind.WARNING, "Sync stopped: " + s.error());
        }
        close.requestFocus();
    }

    private void close() {
        pos.unsubscribe(onEvent);
        pos.overlay().close();
    }
}
