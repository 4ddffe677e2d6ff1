package dev.tillsync.terminal.store;

import java.util.Map;
import java.util.stream.Collectors;
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
        return h.createQuery("update counter set value = value + 1 where name = :name returning value")
                .bind("name", name).mapTo(Long.class).one();
    }

    public static long current(Handle h, String name) {
        return h.createQuery("select value from counter where name = :name").bind("name", name).mapTo(Long.class).one();
    }

    /** Raises a counter to at least {@code value} (never lowers it); true when it moved. */
    public static boolean raiseTo(Handle h, String name, long value) {
        return h.createUpdate("update counter set value = :v where name = :name and value < :v")
                .bind("name", name).bind("v", value).execute() > 0;
    }

    /** Bumps two counters with one statement (a sale needs its invoice number and its outbox seq); returns {a, b}. */
    public static long[] next(Handle h, String a, String b) {
        Map<String, Long> bumped = h.createQuery("update counter set value = value + 1 where name in (:a, :b) returning name, value")
                .bind("a", a).bind("b", b)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long[] out = {bumped.getOrDefault(a, -1L), bumped.getOrDefault(b, -1L)};
        if (out[0] < 0 || out[1] < 0) throw new IllegalStateException("counter " + (out[0] < 0 ? a : b) + " is missing from the store");
        return out;
    }
}
