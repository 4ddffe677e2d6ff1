package dev.tillsync.terminal.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** "Prices as of TIME (pulled N ago)": one wording for `terminal status` and the desktop's status bar. */
public final class PricesAsOf {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PricesAsOf() {}

    /** The line for prices last pulled at {@code asOf} (null: never), read at {@code now}, in the till's time zone. */
    public static String describe(Instant asOf, Instant now, ZoneId zone) {
        if (asOf == null) return "Prices not pulled yet (sync with the server)";
        return "Prices as of " + TIME.withZone(zone).format(asOf) + " (pulled " + ago(Duration.between(asOf, now)) + ")";
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + " s ago";
        if (s < 3600) return s / 60 + " min ago";
        if (s < 48 * 3600) return s / 3600 + " h ago";
        return s / 86400 + " d ago";
    }
}
