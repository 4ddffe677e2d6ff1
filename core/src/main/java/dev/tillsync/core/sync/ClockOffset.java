package dev.tillsync.core.sync;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How far a till's clock is from the server's: the till's time minus the server's, in milliseconds (positive: the
 * till is ahead), and when the till measured it. The till measures it from the {@code Date} header of each server
 * answer and sends it with each push ({@link SyncHeaders#CLOCK_OFFSET}); the server keeps it on the device record.
 * Both sides describe it with {@link #describe()}, so the till's {@code status} and the console say the same.
 */
public record ClockOffset(long millis, Instant measuredAt) {
    /** A Date header has whole seconds, and the answer takes a while: smaller offsets are measurement noise. */
    public static final long IN_STEP_MILLIS = 2_000;

    /**
     * The offset shown by an answer that left the till at {@code sent} and came back at {@code received} (both by the
     * till's clock) with {@code dateHeader} (RFC 1123, whole seconds); empty when the header is missing or unreadable.
     * The server's time is taken as the middle of its Date's second, the till's as the middle of the round trip.
     */
    public static Optional<ClockOffset> fromDateHeader(String dateHeader, Instant sent, Instant received) {
        if (dateHeader == null || dateHeader.isBlank() || sent == null || received == null) return Optional.empty();
        Instant server;
        try {
            server = ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().plusMillis(500);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Instant till = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Optional.of(new ClockOffset(Duration.between(server, till).toMillis(), received));
    }

    /** "3 d 0 h ahead of the server", "4 min 10 s behind the server", "in step with the server (within 2 s)". */
    public String describe() {
        return describe(millis);
    }

    public static String describe(long millis) {
        if (Math.abs(millis) < IN_STEP_MILLIS) return "in step with the server (within " + IN_STEP_MILLIS / 1000 + " s)";
        return size(millis) + (millis > 0 ? " ahead of the server" : " behind the server");
    }

    /**
     * A length of time in its two largest units, whatever its sign: "3 d 0 h", "1 h 5 min", "4 min 10 s", "7 s".
     * Rounded to the smaller unit shown, not cut: a Date header's whole seconds make an exact 3-day skew measure a
     * little under or over, and it must read "3 d 0 h" either way, never "2 d 23 h".
     */
    public static String size(long millis) {
        long ms = Math.abs(millis);
        long seconds = (ms + 500) / 1000;
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
        long minutes = (ms + 30_000) / 60_000;
        if (minutes < 1440) return minutes / 60 + " h " + minutes % 60 + " min";
        long hours = (ms + 1_800_000) / 3_600_000;
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
