package dev.tillsync.server.console;

import dev.tillsync.core.money.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes values as text (money, times, URL parts, badge classes). It writes no markup: the jte
 * templates put these strings into the page and escape them there, like every other value.
 */
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Format() {}

    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static String money(long minor) {
        return Money.format(minor);
    }

    static String money(Long minor) {
        return minor == null ? "—" : Money.format(minor);
    }

    /** Times are shown in UTC: the server knows no store time zone, and UTC never has a missing or doubled hour. */
    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t) + " UTC";
    }

    /** A time in the shop's time zone, as its tables show it under a heading that names the zone. */
    static String local(Instant t, java.time.ZoneId zone) {
        return t == null ? "—" : LOCAL.withZone(zone).format(t);
    }

    /** The badge colour of a Device Link Status. */
    static String statusClass(String connectionStatus) {
        return switch (connectionStatus == null ? "" : connectionStatus) {
            case "Linked" -> "ok";
            case "Unlink in progress" -> "warn";
            default -> "off";
        };
    }

    /** The badge colour of a row outcome (accepted, duplicate, rejected). */
    static String outcomeClass(String outcome) {
        return switch (outcome == null ? "" : outcome.toLowerCase()) {
            case "accepted" -> "ok";
            case "duplicate" -> "info";
            case "rejected" -> "bad";
            default -> "off";
        };
    }

    /** "accepted" → "Accepted". */
    static String outcomeLabel(String outcome) {
        String o = outcome == null ? "" : outcome.toLowerCase();
        return o.isEmpty() ? "" : Character.toUpperCase(o.charAt(0)) + o.substring(1);
    }
}
