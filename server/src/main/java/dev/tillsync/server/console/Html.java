package dev.tillsync.server.console;

import dev.tillsync.core.money.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Escaping and formatting for server-rendered pages. Invariant: every piece of data goes through {@link #e}. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Html() {}

    /** HTML-escapes text for element content and quoted attribute values. */
    static String e(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

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

    static String checked(boolean b) {
        return b ? " checked" : "";
    }

    static String selected(boolean b) {
        return b ? " selected" : "";
    }

    static String statusBadge(String connectionStatus) {
        String cls = switch (connectionStatus == null ? "" : connectionStatus) {
            case "Linked" -> "ok";
            case "Unlink in progress" -> "warn";
            default -> "off";
        };
        return "<span class=\"badge " + cls + "\">" + e(connectionStatus) + "</span>";
    }

    static String outcomeBadge(String outcome) {
        String o = outcome == null ? "" : outcome.toLowerCase();
        String cls = switch (o) {
            case "accepted" -> "ok";
            case "duplicate" -> "info";
            case "rejected" -> "bad";
            default -> "off";
        };
        String label = o.isEmpty() ? "" : Character.toUpperCase(o.charAt(0)) + o.substring(1);
        return "<span class=\"badge " + cls + "\">" + e(label) + "</span>";
    }
}
