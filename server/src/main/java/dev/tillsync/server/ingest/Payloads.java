package dev.tillsync.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.pricing.PricingException;
import dev.tillsync.core.sync.SyncRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads row payloads strictly and fingerprints rows so a reused UUID with other content is caught. */
public final class Payloads {
    private static final ObjectMapper JSON = Json.mapper();

    private Payloads() {}

    public static <T> T read(SyncRow row, Class<T> type) throws Rejection {
        if (row.payload() == null || !row.payload().isObject()) {
            throw new Rejection("invalid_payload", "Row " + row.seq() + " has no " + row.kind().wire() + " payload object.");
        }
        try {
            return JSON.treeToValue(row.payload(), type);
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof PricingException p) {
                    throw new Rejection("invalid_payload", "The " + row.kind().wire() + " cannot be priced: " + p.getMessage());
                }
            }
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            throw new Rejection("invalid_payload", "The " + row.kind().wire() + " payload is not valid: " + (nl < 0 ? m : m.substring(0, nl)));
        }
    }

    private static final java.time.Instant EARLIEST = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

    /**
     * True when PostgreSQL's timestamptz can hold {@code t} as a till could mean it (years 1 to 9999). Java's Instant
     * reaches a billion years; a time beyond PostgreSQL's range failed its whole batch with a 500 on every resend
     * (found by the reliability fuzzing), so such a row is refused on its own instead.
     */
    public static boolean storable(java.time.Instant t) {
        return t != null && !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    /**
     * True when a key or text value anywhere in {@code n} holds U+0000 or a lone surrogate (half of a UTF-16 pair, which
     * invalid UTF-8 or a {@code \\ud800} escape gives). PostgreSQL text cannot store U+0000, so such a row would fail its
     * batch on every resend and hold back every row queued after it; a lone surrogate is stored as '?' by one statement
     * and otherwise by another, so an accepted row's sync status and its invoice no longer matched (a half-write the
     * reliability fuzzing found). Such a row is refused up front instead.
     */
    public static boolean hasUnstorableText(JsonNode n) {
        if (n == null) return false;
        if (n.isTextual()) return unstorable(n.textValue());
        if (n.isObject()) {
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                if (unstorable(e.getKey()) || hasUnstorableText(e.getValue())) return true;
            }
            return false;
        }
        if (n.isArray()) {
            for (JsonNode e : n) if (hasUnstorableText(e)) return true;
        }
        return false;
    }

    /** U+0000 or a surrogate that is not half of a pair. */
    public static boolean unstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') return true;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return true;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** sha256 of kind + payload with object keys sorted, so key order on the wire does not matter. */
    public static String fingerprint(SyncRow row) {
        StringBuilder sb = new StringBuilder(row.kind().wire()).append('|');
        canonical(row.payload(), sb);
        return Secrets.sha256(sb.toString());
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null || n.isNull()) {
            sb.append("null");
        } else if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(n.size());
            n.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            sb.append('{');
            for (Map.Entry<String, JsonNode> f : fields) {
                if (f.getValue().isNull()) continue;
                quote(f.getKey(), sb);
                sb.append(':');
                canonical(f.getValue(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (JsonNode e : n) {
                canonical(e, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else if (n.isInt() || n.isLong()) {
            sb.append(n.longValue()); // the digits toString() writes, without a JSON writer per number
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else {
            sb.append(n.toString());
        }
    }

    /**
     * The same JSON string literal Jackson writes for a text node (same escape table), without building a
     * node and a writer per key: stored fingerprints must not change, PayloadsTest holds the two equal.
     */
    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
