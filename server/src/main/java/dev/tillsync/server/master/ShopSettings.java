package dev.tillsync.server.master;

import dev.tillsync.server.refusal.Refusal;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-wide settings kept in table server_setting. The shop's time zone decides every day boundary in the console
 * and in the API's day filters; times on the wire stay UTC.
 */
public final class ShopSettings {
    public static final String TIME_ZONE = "time_zone";

    private final Jdbi jdbi;

    public ShopSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ZoneId timeZone() {
        return jdbi.withHandle(this::timeZone);
    }

    public ZoneId timeZone(Handle h) {
        String id = h.createQuery("select value from server_setting where key = :k").bind("k", TIME_ZONE)
                .mapTo(String.class).findOne().orElse("UTC");
        return ZoneId.of(id);
    }

    /** Sets the time zone (an IANA name such as "Asia/Riyadh"); refused when the name is not one. */
    public ZoneId setTimeZone(Handle h, String id) {
        ZoneId zone;
        try {
            zone = ZoneId.of(id == null ? "" : id.trim());
        } catch (DateTimeException e) {
            throw Refusal.invalid("invalid_time_zone", "'" + id + "' is not a time zone; use an IANA name such as Asia/Riyadh or Europe/Berlin.");
        }
        h.createUpdate("insert into server_setting (key, value) values (:k, :v) on conflict (key) do update set value = excluded.value")
                .bind("k", TIME_ZONE).bind("v", zone.getId()).execute();
        return zone;
    }
}
