package dev.tillsync.core.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Device link status, with the labels of the seed's POS Offline record. */
public enum ConnectionStatus {
    LINKED("Linked"),
    UNLINK_IN_PROGRESS("Unlink in progress"),
    UNLINKED("Unlinked");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ConnectionStatus fromLabel(String s) {
        for (ConnectionStatus c : values()) {
            if (c.label.equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) return c;
        }
        throw new IllegalArgumentException("unknown connection status '" + s + "' (Linked, Unlink in progress, Unlinked)");
    }
}
