package dev.tillsync.reliability.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tillsync.reliability.support.Api;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structural edits of a valid message, as jqwik values (so a failure shrinks to the fewest, simplest edits and prints
 * them). A JSON edit picks a node of the message's tree by {@code where} (modulo the node count) and changes it; a
 * byte edit then damages the serialised form. Starting from what a real till sends keeps most cases deep in the
 * server (past the JSON parser, into the ingest rules) instead of bouncing off the first brace.
 */
final class Edits {
    private Edits() {}

    enum Op {
        /** remove the field or array element */
        DROP,
        /** an array element twice; an object field copied under a near-miss name */
        DUPLICATE,
        /** reorder: swap with a sibling */
        SWAP,
        /** the same content as another JSON type (number as text, object as array ...) */
        RETYPE,
        /** a number from the edge pool: Long.MAX, overflow, negative, fractions, 400 digits ... */
        NUMBER,
        /** the number moved by a little: totals off by one, wrong sequence numbers */
        OFF_BY,
        /** text from the hostile pool or jqwik's random text */
        TEXT,
        /** text of up to 100k characters */
        LONG_TEXT,
        /** wrapped in arrays or objects, up to 600 deep */
        NEST,
        NULL,
        /** a field the schema does not know */
        UNKNOWN_FIELD,
        /** an empty object, array or text */
        EMPTY,
        /** the field under another name (case, a suffix) */
        RENAME
    }

    record Json(Op op, int where, int pick, String text) {}

    enum ByteOp {
        /** the message cut at a point: a lost connection, a half-written file */
        TRUNCATE,
        /** one byte inserted: invalid UTF-8, a NUL, a stray quote or brace */
        INSERT,
        /** one byte overwritten */
        FLIP,
        /** a key repeated in the first object (duplicate keys) */
        DUPLICATE_KEY,
        /** the whole message twice (trailing tokens) */
        TWICE,
        /** a UTF-8 byte order mark in front */
        BOM
    }

    record Bytes(ByteOp op, int where, int pick) {}

    static final List<String> HOSTILE = List.of("", " ", "'); DROP TABLE sales_invoice;--", "<script>alert(1)</script>", "../../etc/passwd",
            "\u0000", "NUL\u0000inside", "\u202Eevil\u202C", "Z\u0351\u0360\u0368a\u036B\u0346lgo", "\uD83D\uDCA9\uD83E\uDDFE", "\uFEFFbom",
            "null", "true", "NaN", "-0", "1e309", "2025-13-45T25:61:61Z", "2025-01-15T10:00:00Z", "0000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "Cash", "ITEM-0001", "invoice", "customer", "shift_open", "stock_movement", "INVOICE",
            "\\", "\"", "%s%n%x", "${jndi:ldap://x/a}", "\r\n\r\nX-Injected: 1", "\u00A0", "é", "ÅÄÖ", "日本語", "עברית");

    /** jqwik's random text without lone surrogates (a serialiser would refuse them before the server sees them). */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Arbitraries.strings().ofMaxLength(24).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    static Arbitrary<Json> json() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 9_999), Arbitraries.integers().between(0, 999), text())
                .as(Json::new);
    }

    static Arbitrary<List<Json>> jsonEdits(int max) {
        return json().list().ofMinSize(0).ofMaxSize(max);
    }

    static Arbitrary<Bytes> bytes() {
        return Combinators.combine(Arbitraries.of(ByteOp.class), Arbitraries.integers().between(0, 9_999), Arbitraries.integers().between(0, 255))
                .as(Bytes::new);
    }

    /** Mostly no byte damage: a message broken at the byte level never reaches the rules past the parser. */
    static Arbitrary<List<Bytes>> byteEdits() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(List.<Bytes>of())),
                net.jqwik.api.Tuple.of(1, bytes().list().ofMinSize(1).ofMaxSize(2)));
    }

    // ---------------------------------------------------------------- applying JSON edits

    private record Slot(JsonNode parent, String key, int index, JsonNode node) {}

    private static void collect(JsonNode parent, String key, int index, JsonNode node, List<Slot> out) {
        out.add(new Slot(parent, key, index, node));
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (var f : fields) collect(node, f.getKey(), -1, f.getValue(), out);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collect(node, null, i, node.get(i), out);
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final List<JsonNode> NUMBERS = List.of(F.numberNode(Long.MAX_VALUE), F.numberNode(Long.MIN_VALUE), F.numberNode(0),
            F.numberNode(-1), F.numberNode(Integer.MAX_VALUE + 1L), F.numberNode(Integer.MIN_VALUE - 1L), F.numberNode(Long.MAX_VALUE / 2),
            new BigIntegerNode(BigInteger.TWO.pow(64)), new BigIntegerNode(BigInteger.TEN.pow(400).negate()), F.numberNode(1.5), F.numberNode(-0.0),
            new DecimalNode(new BigDecimal("1e309")), new DecimalNode(new BigDecimal("1e-400")), F.numberNode(9_007_199_254_740_993L),
            F.numberNode(Long.MAX_VALUE - 1), F.numberNode(2_147_483_647), F.numberNode(100_000_000_000L));

    /** {@code root} with the edits applied, in order; the root itself may be replaced. */
    static JsonNode apply(JsonNode root, List<Json> edits) {
        JsonNode r = root.deepCopy();
        for (Json e : edits) r = apply(r, e);
        return r;
    }

    private static JsonNode apply(JsonNode root, Json e) {
        List<Slot> slots = new ArrayList<>();
        collect(null, null, -1, root, slots);
        Slot s = slots.get(e.where() % slots.size());
        JsonNode n = s.node();
        JsonNode replacement = switch (e.op()) {
            case DROP -> {
                if (s.parent() == null) yield F.objectNode();
                remove(s);
                yield null;
            }
            case DUPLICATE -> {
                if (s.parent() instanceof ArrayNode a) a.insert(s.index(), n.deepCopy());
                else if (s.parent() instanceof ObjectNode o) o.set(s.key() + (e.pick() % 2 == 0 ? "" : "_"), n.deepCopy());
                else yield F.arrayNode().add(n).add(n.deepCopy());
                yield null;
            }
            case SWAP -> {
                if (s.parent() != null && s.parent().size() > 1) {
                    int other = e.pick() % s.parent().size();
                    if (s.parent() instanceof ArrayNode a) {
                        JsonNode o = a.get(other);
                        a.set(other, n);
                        a.set(s.index(), o);
                    } else if (s.parent() instanceof ObjectNode o) {
                        Iterator<String> names = o.fieldNames();
                        String otherKey = null;
                        for (int i = 0; i <= other && names.hasNext(); i++) otherKey = names.next();
                        JsonNode ov = o.get(otherKey);
                        o.set(otherKey, n);
                        o.set(s.key(), ov);
                    }
                }
                yield null;
            }
            case RETYPE -> retype(n, e.pick());
            case NUMBER -> NUMBERS.get(e.pick() % NUMBERS.size());
            case OFF_BY -> {
                long d = (e.pick() % 7) - 3;
                yield n.isIntegralNumber() ? F.numberNode(n.asLong() + (d == 0 ? 1 : d)) : F.numberNode(d);
            }
            case TEXT -> new TextNode(e.text());
            case LONG_TEXT -> new TextNode((e.text().isEmpty() ? "x" : e.text()).repeat(Math.max(1, (1 + e.pick() % 100) * 1_000 / Math.max(1, e.text().length()))));
            case NEST -> {
                JsonNode x = n;
                int depth = 1 + (e.pick() % 4 == 0 ? e.pick() * 3 / 5 : e.pick() % 5);
                for (int i = 0; i < depth; i++) x = i % 2 == 0 ? F.arrayNode().add(x) : F.objectNode().set("v", x);
                yield x;
            }
            case NULL -> F.nullNode();
            case UNKNOWN_FIELD -> {
                ObjectNode target = n instanceof ObjectNode o ? o : s.parent() instanceof ObjectNode p ? p : null;
                if (target != null) target.put(e.text().isEmpty() ? "extra" : e.text(), e.pick());
                yield null;
            }
            case EMPTY -> n.isArray() ? F.arrayNode() : n.isObject() ? F.objectNode() : new TextNode("");
            case RENAME -> {
                if (s.parent() instanceof ObjectNode o) {
                    o.remove(s.key());
                    o.set(e.pick() % 2 == 0 ? s.key().toUpperCase() : s.key() + e.text(), n);
                }
                yield null;
            }
        };
        if (replacement == null) return root;
        if (s.parent() == null) return replacement;
        if (s.parent() instanceof ArrayNode a) a.set(s.index(), replacement);
        else ((ObjectNode) s.parent()).set(s.key(), replacement);
        return root;
    }

    private static void remove(Slot s) {
        if (s.parent() instanceof ArrayNode a) a.remove(s.index());
        else ((ObjectNode) s.parent()).remove(s.key());
    }

    private static JsonNode retype(JsonNode n, int pick) {
        if (n.isNumber()) return pick % 2 == 0 ? new TextNode(n.asText()) : F.arrayNode().add(n);
        if (n.isTextual()) {
            String t = n.asText();
            try {
                return F.numberNode(Long.parseLong(t));
            } catch (NumberFormatException notANumber) {
                return pick % 3 == 0 ? F.numberNode(t.length()) : pick % 3 == 1 ? F.booleanNode(true) : F.objectNode().put("value", t);
            }
        }
        if (n.isObject()) {
            ArrayNode a = F.arrayNode();
            n.elements().forEachRemaining(a::add);
            return a;
        }
        if (n.isArray()) {
            ObjectNode o = F.objectNode();
            for (int i = 0; i < n.size(); i++) o.set(Integer.toString(i), n.get(i));
            return o;
        }
        if (n.isBoolean()) return pick % 2 == 0 ? new TextNode(n.asText()) : F.numberNode(n.asBoolean() ? 1 : 0);
        return F.objectNode();
    }

    static byte[] serialise(JsonNode n) {
        try {
            return Api.JSON.writeValueAsBytes(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- applying byte edits

    private static final byte[][] INSERTS = {{0}, {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {'"'}, {'{'}, {']'}, {','}, {'\\'}, {'\n'},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "NaN".getBytes(StandardCharsets.UTF_8),
            "\\u0000".getBytes(StandardCharsets.UTF_8), "/*c*/".getBytes(StandardCharsets.UTF_8)};

    static byte[] apply(byte[] body, List<Bytes> edits) {
        byte[] b = body;
        for (Bytes e : edits) b = apply(b, e);
        return b;
    }

    private static byte[] apply(byte[] b, Bytes e) {
        int at = b.length == 0 ? 0 : e.where() % b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 16);
        switch (e.op()) {
            case TRUNCATE -> out.write(b, 0, at);
            case INSERT -> {
                out.write(b, 0, at);
                out.writeBytes(INSERTS[e.pick() % INSERTS.length]);
                out.write(b, at, b.length - at);
            }
            case FLIP -> {
                out.writeBytes(b);
                byte[] x = out.toByteArray();
                if (x.length > 0) x[at] = (byte) e.pick();
                return x;
            }
            case DUPLICATE_KEY -> {
                String s = new String(b, StandardCharsets.UTF_8);
                int brace = s.indexOf('{');
                int colon = s.indexOf("\":", brace);
                if (brace < 0 || colon < 0) return b;
                int end = s.indexOf(',', colon);
                if (end < 0) return b;
                // {"a":1,... becomes {"a":1,"a":1,...
                return (s.substring(0, end + 1) + s.substring(brace + 1, end + 1) + s.substring(end + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case TWICE -> {
                out.writeBytes(b);
                out.writeBytes(b);
            }
            case BOM -> {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }
}
