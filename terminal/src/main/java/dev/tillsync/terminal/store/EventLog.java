package dev.tillsync.terminal.store;

import dev.tillsync.terminal.LogEntry;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The append-only event log (triggers refuse updates and deletes): written in the transaction of what it records. */
public final class EventLog {
    private EventLog() {}

    public static void append(Handle h, Instant at, String type, String ref, String detail) {
        h.createUpdate("insert into event_log (at, type, ref, detail) values (:at, :type, :ref, :detail)")
                .bind("at", at.toString()).bind("type", type).bind("ref", ref).bind("detail", detail).execute();
    }

    public static List<LogEntry> list(Handle h, int limit) {
        return h.createQuery("select id, at, type, ref, detail from event_log order by id desc limit :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new LogEntry(rs.getLong("id"), Instant.parse(rs.getString("at")), rs.getString("type"),
                        rs.getString("ref"), rs.getString("detail")))
                .list();
    }
}
