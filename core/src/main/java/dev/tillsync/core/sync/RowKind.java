package dev.tillsync.core.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an outbox row carries; its payload type follows from the kind. */
public enum RowKind {
    INVOICE("invoice"),
    CUSTOMER("customer"),
    SHIFT_OPEN("shift_open"),
    SHIFT_CLOSE("shift_close"),
    STOCK_MOVEMENT("stock_movement");

    private final String wire;

    RowKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RowKind fromWire(String s) {
        for (RowKind k : values()) {
            if (k.wire.equals(s)) return k;
        }
        throw new IllegalArgumentException("unknown row kind '" + s + "' (expected invoice, customer, shift_open, shift_close or stock_movement)");
    }
}
