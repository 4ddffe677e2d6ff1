package dev.tillsync.server.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit of master data: who changed which record when, with its state before and after.
 * Invariant: an entry is written in the same transaction as the change it records, so there is no change without
 * its entry and no entry for a change that rolled back.
 */
public final class AuditLog {
    /** One change. {@code before} is null for a creation. */
    public record Entry(long id, Instant at, String actor, String entity, String key, String action, JsonNode before, JsonNode after) {}

    private final ObjectMapper json = Json.mapper();

    /** Records a change; {@code before}/{@code after} are the record's states (any JSON-serialisable value, or null). */
    public void record(Handle h, String actor, String entity, String key, String action, Object before, Object after) {
        h.createUpdate("""
                insert into audit_log (actor, entity, key, action, old_data, new_data)
                values (:actor, :entity, :key, :action, cast(:old as jsonb), cast(:new as jsonb))
                """)
                .bind("actor", actor).bind("entity", entity).bind("key", key).bind("action", action)
                .bind("old", text(before)).bind("new", text(after)).execute();
    }

    /** One change for {@link #recordAll}. */
    public record Change(String key, String action, Object before, Object after) {}

    /** Records many changes of one actor and entity in one round trip (an import's thousands of rows). */
    public void recordAll(Handle h, String actor, String entity, List<Change> changes) {
        if (changes.isEmpty()) return;
        var b = h.prepareBatch("""
                insert into audit_log (actor, entity, key, action, old_data, new_data)
                values (:actor, :entity, :key, :action, cast(:old as jsonb), cast(:new as jsonb))
                """);
        for (Change c : changes) {
            b.bind("actor", actor).bind("entity", entity).bind("key", c.key()).bind("action", c.action())
                    .bind("old", text(c.before())).bind("new", text(c.after())).add();
        }
        b.execute();
    }

    /** A record's history, newest first. */
    public List<Entry> history(Handle h, String entity, String key, int limit) {
        return h.createQuery("""
                        select id, at, actor, entity, key, action, old_data::text as old_data, new_data::text as new_data
                        from audit_log where entity = :e and key = :k order by id desc limit :n
                        """)
                .bind("e", entity).bind("k", key).bind("n", limit)
                .map((rs, c) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("entity"), rs.getString("key"), rs.getString("action"),
                        tree(rs.getString("old_data")), tree(rs.getString("new_data"))))
                .list();
    }

    private String text(Object o) {
        if (o == null) return null;
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise an audit state", e);
        }
    }

    private JsonNode tree(String s) {
        if (s == null) return null;
        try {
            return json.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable audit state", e);
        }
    }
}
