package dev.tillsync.terminal.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The append-only event log (triggers refuse updates and deletes): written in the transaction of what it records. */
public final class EventLog {
    private EventLog() {}

    public record Entry(long id, Instant at, String type, String ref, String detail) {}

    public static void append(Handle h, Instant at, String type, String ref, String detail) {
        h.createUpdate("INSERT INTO event_log (at, type, ref, detail) VALUES (:at, :type, :ref, :detail)")
                .bind("at", at.toString()).bind("type", type).bind("ref", ref).bind("detail", detail).execute();
    }

    public static List<Entry> list(Handle h, int limit) {
        return h.createQuery("SELECT id, at, type, ref, detail FROM event_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), Instant.parse(rs.getString("at")), rs.getString("type"),
                        rs.getString("ref"), rs.getString("detail")))
                .list();
    }
}
