package dev.tillsync.terminal.store;

import dev.tillsync.core.sync.ClockOffset;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The sync cursor, last sync/error, the last known connectivity, when the server last answered, and the clock offset. */
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

    /** The online flag alone. */
    public static boolean online(Handle h) {
        return h.createQuery("select online from sync_state where id = 1").mapTo(Integer.class).one() == 1;
    }

    /**
     * When the server last answered (epoch ms), or 0 when the line is known to be down or never answered: asked by
     * every sale, so one integer and nothing to parse.
     */
    public static long lineConfirmedMs(Handle h) {
        return h.createQuery("select case when online = 1 then coalesce(line_confirmed_ms, 0) else 0 end from sync_state where id = 1")
                .mapTo(Long.class).one();
    }

    /** The server answered at {@code at}: the line is confirmed up until the online window after it. */
    public static void confirmLine(Handle h, Instant at) {
        h.createUpdate("update sync_state set line_confirmed_ms = :ms where id = 1").bind("ms", at.toEpochMilli()).execute();
    }

    /** The last clock offset measured from a server answer, if any. */
    public static Optional<ClockOffset> clockOffset(Handle h) {
        return h.createQuery("select clock_offset_ms, clock_offset_at from sync_state where id = 1 and clock_offset_at is not null")
                .map((rs, ctx) -> new ClockOffset(rs.getLong("clock_offset_ms"), Instant.parse(rs.getString("clock_offset_at"))))
                .findOne();
    }

    public static void setClockOffset(Handle h, ClockOffset o) {
        h.createUpdate("update sync_state set clock_offset_ms = :ms, clock_offset_at = :at where id = 1")
                .bind("ms", o.millis()).bind("at", o.measuredAt().toString()).execute();
    }

    public static void setCursor(Handle h, String cursor) {
        h.createUpdate("update sync_state set cursor = :c where id = 1").bind("c", cursor == null ? "" : cursor).execute();
    }

    /** When the till last applied a pull page or pulled and found nothing new: its prices are the server's as of then. */
    public static Optional<Instant> pricesAsOf(Handle h) {
        return h.createQuery("select prices_as_of from sync_state where id = 1 and prices_as_of is not null")
                .mapTo(String.class).findOne().map(Instant::parse);
    }

    public static void setPricesAsOf(Handle h, Instant at) {
        h.createUpdate("update sync_state set prices_as_of = :at where id = 1").bind("at", at.toString()).execute();
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
