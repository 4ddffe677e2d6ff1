package dev.tillsync.desktop.shell;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** Always-visible connectivity pill: Online, Offline, or Syncing n of m. */
public final class StatusIndicator {
    private final Label pill = new Label("Starting…");
    private boolean online;
    private boolean syncing;

    StatusIndicator() {
        pill.setId("statusIndicator");
        pill.getStyleClass().addAll("status", "status-offline");
        pill.setMinWidth(170);
    }

    Label node() {
        return pill;
    }

    public boolean online() {
        return online;
    }

    public void connectivity(boolean online, String reason) {
        this.online = online;
        pill.setTooltip(new Tooltip(reason == null ? (online ? "Server reachable" : "Server not reachable") : reason));
        if (!syncing) render(online ? "Online" : "Offline", online ? "status-online" : "status-offline");
    }

    public void progress(int sent, int total) {
        syncing = true;
        render("Syncing " + sent + " of " + total, "status-syncing");
    }

    public void syncDone() {
        syncing = false;
        render(online ? "Online" : "Offline", online ? "status-online" : "status-offline");
    }

    private void render(String text, String style) {
        pill.setText(text);
        pill.getStyleClass().removeAll("status-online", "status-offline", "status-syncing");
        pill.getStyleClass().add(style);
    }
}
