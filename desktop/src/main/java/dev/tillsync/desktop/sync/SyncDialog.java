package dev.tillsync.desktop.sync;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.Notifier;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.FailedRow;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalEvent;
import dev.tillsync.terminal.TerminalStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * Manual sync (Menu > More > Sync System, or the quick menu's Offline sync): progress while rows go up, then what
 * happened: synced, duplicates, failed with reasons. Joins an automatic sync already running. Invariant: the dialog
 * shows the engine's live state for as long as it is open: the bar is what was really answered (a sync that stopped
 * half way stays half full), the line coming back and the automatic sync that follows update it, and a sync with
 * nothing left to send says when everything was synced rather than "0 synced".
 */
public final class SyncDialog {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final PosWindow pos;
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label progress = Ui.label("syncProgressText", "Connecting to the server…", "subheading");
    private final Label result = Ui.label("syncResult", "", "muted");
    private final Button close = Ui.button("syncCloseButton", "Close (Esc)", this::close);
    private final Consumer<TerminalEvent> onEvent = this::onEvent;
    private int sent;
    private int total;
    private boolean stopped;
    private boolean open;

    public SyncDialog(PosWindow pos) {
        this.pos = pos;
        bar.setId("syncProgress");
        bar.setPrefWidth(560);
        bar.setPrefHeight(28);
        result.setMaxWidth(560);
    }

    /** What the last sync before this one left: when it ended and how many rows were still waiting. */
    private record Before(Instant lastSync, long unsent) {}

    private record Done(SyncSummary summary, Before before) {}

    public void open() {
        pos.overlay().show("syncDialog", new VBox(16, Ui.heading("Sync System"),
                Ui.label(null, "Sending this terminal's transactions to the back office, then fetching new prices and users.", "muted"),
                bar, progress, result, close), this::close);
        open = true;
        pos.subscribe(onEvent);
        pos.background().await(() -> {
            TerminalStatus st = pos.terminal().status();
            Before before = new Before(st.lastSync(), st.pending() + st.syncing() + st.failed());
            return pos.terminal().syncNow().thenApply(s -> new Done(s, before));
        }, d -> finished(d.summary(), d.before()), e -> {
            bar.setProgress(0);
            progress.setText("Sync could not start");
            result.setText(Background.message(e));
            result.getStyleClass().add("error-text");
        });
    }

    private void onEvent(TerminalEvent e) {
        if (e instanceof TerminalEvent.SyncProgress p) {
            sent = p.sent();
            total = p.total();
            bar.setProgress(p.total() == 0 ? 1 : (double) p.sent() / p.total());
            progress.setText("Sent " + p.sent() + " of " + p.total() + " (" + p.batches() + " batch" + (p.batches() == 1 ? "" : "es") + ")");
        } else if (e instanceof TerminalEvent.PullProgress p) {
            progress.setText("Fetching updates: " + p.applied() + " applied, about " + p.remaining() + " to go");
        } else if (e instanceof TerminalEvent.ConnectivityChanged c && stopped) {
            progress.setText(c.online() ? "The line is back: syncing the rest…" : "Sync stopped — the line is down; transactions stay on this device");
        } else if (e instanceof TerminalEvent.SyncFinished f && stopped) {
            finished(f.summary(), null); // the automatic sync after the line came back finished what this one could not
        }
    }

    private void finished(SyncSummary s, Before before) {
        stopped = !s.completed();
        // The bar is what the server answered for: full only when the push completed.
        if (s.completed()) bar.setProgress(1);
        else bar.setProgress(total == 0 ? 0 : (double) sent / total);
        StringBuilder b = new StringBuilder();
        boolean nothingToDo = s.completed() && s.sent() == 0 && s.failed().isEmpty() && before != null && before.unsent() == 0;
        if (nothingToDo) {
            b.append(before.lastSync() == null ? "Everything was already synced"
                    : "Everything was already synced at " + CLOCK.format(before.lastSync()) + " (automatic sync)");
        } else if (!s.completed() && sent > s.sent()) {
            // the engine's summary of a stopped sync counts only what it finished; the batches answered are what was done
            b.append(sent).append(" of ").append(total).append(" sent and answered by the server before the sync stopped");
        } else {
            b.append(s.synced()).append(" synced, ").append(s.duplicates()).append(" duplicate")
                    .append(s.duplicates() == 1 ? "" : "s").append(", ").append(s.failed().size()).append(" failed");
        }
        b.append(" · ").append(s.pulledChanges()).append(s.pulledChanges() == 1 ? " update" : " updates").append(" received");
        for (FailedRow f : s.failed()) {
            b.append("\n• ").append(f.ref() == null ? "#" + f.seq() : f.ref()).append(": ").append(f.message())
                    .append(f.code() == null ? "" : " [" + f.code() + "]");
        }
        if (!s.completed()) {
            b.append("\nStopped early: ").append(s.error());
            if (total > sent) b.append("\n").append(total - sent).append(" of ").append(total).append(" still to send: they stay on this device"
                    + " and go when the line is back.");
        }
        progress.setText(s.completed() ? (nothingToDo ? "Nothing to send" : "Sync complete")
                : "Sync stopped after " + sent + " of " + total + " — the rest stay on this device");
        result.setText(b.toString());
        if (!open) return;
        if (s.completed() && s.failed().isEmpty()) {
            pos.notifier().show(Notifier.Kind.SUCCESS, nothingToDo ? "Everything was already synced"
                    : "Sync complete: " + s.synced() + " synced, " + s.duplicates() + " duplicates");
        } else if (s.completed()) {
            pos.notifier().show(Notifier.Kind.WARNING, "Sync complete: " + s.failed().size() + " failed — see Sales History");
        } else {
            pos.notifier().show(Notifier.Kind.WARNING, "Sync stopped: " + s.error());
        }
        close.requestFocus();
    }

    private void close() {
        open = false;
        pos.unsubscribe(onEvent);
        pos.overlay().close();
    }
}
