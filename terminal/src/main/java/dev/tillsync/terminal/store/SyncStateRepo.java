package dev.tillsync.terminal.store;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The sync cursor, last sync/error and the last known connectivity. */
public final class SyncStateRepo {
    private SyncStateRepo() {}

    public record State(String cursor, Instant lastSyncAt, String lastError, Instant lastErrorAt, boolean online,
                        Instant onlineSince) {}

    public static State load(Handle h) {
        return h.createQuery("select cursor, last_sync_at, last_error, last_error_at, online, online_since from sync_state where id = 1")
                .map((rs, ctx) -> new State(rs.getString("cursor"), instant(rs.getString("last_sync_at")), rs.getString("last_error"),
                        instant(rs.getString("last_error_at")), rs.getInt("online") == 1, instant(rs.getString("online_since"))))
                .one();
    }

    /** The online flag alone (asked by every sale: no instants to parse). */
    public static boolean online(Handle h) {
        return h.createQuery("select online from sync_state where id = 1").mapTo(Integer.class).one() == 1;
    }

    public static void setCursor(Handle h, String cursor) {
        h.createUpdate("update sync_state set cursor = :c where id = 1").bind("c", cursor == null ? "" : cursor).execute();
    }

    public static void recordSuccess(Handle h, Instant at) {
        h.createUpdate("update sync_state set last_sync_at = :at, last_error = null, last_error_at = null where id = 1")
                .bind("at", at.toString()).execute();
    }

    public static void recordError(Handle h, Instant at, String error) {
        h.createUpdate("update sync_state set last_error = :e, last_error_at = :at where id = 1")
                .bind("e", error).bind("at", at.toString()).execute();
    }

    /** Stores the connectivity; returns true when it changed (and the log should say so). */
    public static boolean setOnline(Handle h, boolean online, Instant at) {
        return h.createUpdate("update sync_state set online = :o, online_since = :at where id = 1 and (online <> :o or online_since is null)")
                .bind("o", online ? 1 : 0).bind("at", at.toString()).execute() > 0;
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
