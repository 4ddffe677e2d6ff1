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
    public static final String STORE_INVOICE_DAYS = "store_invoice_days";
    public static final int STORE_INVOICE_DAYS_DEFAULT = 30, STORE_INVOICE_DAYS_MAX = 366;

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

    public int storeInvoiceDays() {
        return jdbi.withHandle(this::storeInvoiceDays);
    }

    public int storeInvoiceDays(Handle h) {
        return readStoreInvoiceDays(h);
    }

    /** The setting as read inside a transaction that has no ShopSettings at hand (ingest, the pull). */
    public static int readStoreInvoiceDays(Handle h) {
        return h.createQuery("select value from server_setting where key = :k").bind("k", STORE_INVOICE_DAYS).mapTo(String.class)
                .findOne().map(v -> {
                    try {
                        return Integer.parseInt(v.trim());
                    } catch (NumberFormatException e) {
                        return STORE_INVOICE_DAYS_DEFAULT;
                    }
                }).orElse(STORE_INVOICE_DAYS_DEFAULT);
    }

    /** Sets how many days of its store's sales a till is sent (0 = none); refused outside 0..366. */
    public int setStoreInvoiceDays(Handle h, Integer days) {
        if (days == null || days < 0 || days > STORE_INVOICE_DAYS_MAX) {
            throw Refusal.invalid("invalid_store_invoice_days", "storeInvoiceDays must be a whole number of days from 0 to "
                    + STORE_INVOICE_DAYS_MAX + " (how many days of the store's sales a till keeps for returns offline; 30 by default); it was "
                    + days + ".");
        }
        h.createUpdate("insert into server_setting (key, value) values (:k, :v) on conflict (key) do update set value = excluded.value")
                .bind("k", STORE_INVOICE_DAYS).bind("v", String.valueOf(days)).execute();
        return days;
    }
}
