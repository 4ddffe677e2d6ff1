package dev.tillsync.core.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The server's verdict on one pushed row. */
public enum RowOutcome {
    ACCEPTED("accepted"),
    DUPLICATE("duplicate"),
    REJECTED("rejected");

    private final String wire;

    RowOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RowOutcome fromWire(String s) {
        for (RowOutcome o : values()) {
            if (o.wire.equals(s)) return o;
        }
        throw new IllegalArgumentException("unknown outcome '" + s + "'");
    }
}
