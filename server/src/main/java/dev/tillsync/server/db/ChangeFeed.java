package dev.tillsync.server.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes the pull feed (table change_state: latest state per record, stamped with a change sequence).
 *
 * <p>Invariant: change sequence order equals commit order. Every transaction takes one global
 * transaction-scoped advisory lock before drawing from change_seq and holds it until commit, so a pull
 * that has seen sequence N can never later miss a change below N committed by a slower transaction.
 * Callers that also lock other rows (stock) take {@link #lock(Handle)} first, before those row locks,
 * so the lock order is always the same and cannot deadlock. Stock levels moved by pushes are the exception to
 * writing here at once: they are marked in table stock and published by {@link StockPublisher} when a pull asks.
 */
public final class ChangeFeed {
    public static final long CHANGE_LOCK_KEY = 0x7111_5C4EL;
    /** A record's new state, stamped with the next change sequence. */
    private static final String PUT = """
            insert into change_state (entity, scope, key, seq, deleted, data, posted_at)
            values (:entity, :scope, :key, nextval('change_seq'), false, :data, :posted)
            on conflict (entity, scope, key) do update set seq = excluded.seq, deleted = false, data = excluded.data,
                posted_at = excluded.posted_at
            """;

    private final ObjectMapper json = Json.mapper();

    public void lock(Handle h) {
        h.createQuery("select 1 from pg_advisory_xact_lock(:k)").bind("k", CHANGE_LOCK_KEY).mapTo(Integer.class).one();
    }

    public void put(Handle h, String entity, String scope, String key, Object data) {
        lock(h);
        h.createUpdate(PUT).bind("entity", entity).bind("scope", scope).bind("key", key).bind("data", text(entity, key, data))
                .bind("posted", (java.sql.Timestamp) null).execute();
    }

    /**
     * One record's new state for {@link #putAllLocked}; {@code postedAt}, when the record is sent only for a window of
     * days after its event (a store's sale, entity store_invoice), else null.
     */
    public record Put(String entity, String scope, String key, Object data, java.time.Instant postedAt) {
        public Put(String entity, String scope, String key, Object data) {
            this(entity, scope, key, data, null);
        }
    }

    /** Writes several records' states in one round trip; the caller has already taken {@link #lock(Handle)}. */
    public void putAllLocked(Handle h, List<Put> puts) {
        if (puts.isEmpty()) return;
        PreparedBatch b = h.prepareBatch(PUT);
        for (Put p : puts) {
            b.bind("entity", p.entity()).bind("scope", p.scope()).bind("key", p.key()).bind("data", text(p.entity(), p.key(), p.data()))
                    .bind("posted", p.postedAt() == null ? null : java.sql.Timestamp.from(p.postedAt())).add();
        }
        b.execute();
    }

    private String text(String entity, String key, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + entity + " " + key, e);
        }
    }

    public void delete(Handle h, String entity, String scope, String key) {
        lock(h);
        h.createUpdate("""
                update change_state set seq = nextval('change_seq'), deleted = true, data = null
                where entity = :entity and scope = :scope and key = :key and not deleted
                """)
                .bind("entity", entity).bind("scope", scope).bind("key", key).execute();
    }
}
