package dev.tillsync.terminal.store;

import org.jdbi.v3.core.Handle;

/**
 * Counters for the outbox sequence and numbering series. Invariant: a counter is bumped in the same
 * transaction that uses its value, so a rolled-back sale leaves no gap (gap-free seq, invariant 2).
 */
public final class Counters {
    public static final String OUTBOX_SEQ = "outbox_seq";
    public static final String INVOICE = "invoice";
    public static final String CUSTOMER = "customer";

    private Counters() {}

    public static long next(Handle h, String name) {
        return h.createQuery("UPDATE counter SET value = value + 1 WHERE name = :name RETURNING value")
                .bind("name", name).mapTo(Long.class).one();
    }

    public static long current(Handle h, String name) {
        return h.createQuery("SELECT value FROM counter WHERE name = :name").bind("name", name).mapTo(Long.class).one();
    }
}
