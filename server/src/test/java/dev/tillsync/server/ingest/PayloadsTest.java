package dev.tillsync.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are stored with every received row and compared when a row comes again, so the canonical
 * form must never change: the fast encoder must give exactly what the first release (a Jackson text node
 * written per key) gave, for any text.
 */
class PayloadsTest {
    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void fingerprintIsUnchangedFromTheFirstReleaseForAnyText() {
        Random random = new Random(20261123);
        for (int i = 0; i < 2000; i++) {
            JsonNode payload = object(random, 0);
            SyncRow row = new SyncRow("u-" + i, i + 1, RowKind.INVOICE, Instant.EPOCH, payload);
            assertThat(Payloads.fingerprint(row)).as("payload %s", payload).isEqualTo(firstRelease(row));
        }
    }

    @Test
    void keyOrderDoesNotMatterButContentDoes() throws Exception {
        SyncRow a = new SyncRow("a", 1, RowKind.CUSTOMER, Instant.EPOCH, JSON.readTree("{\"name\":\"Zoë \\\"Z\\\"\",\"number\":\"C-1\"}"));
        SyncRow b = new SyncRow("b", 1, RowKind.CUSTOMER, Instant.EPOCH, JSON.readTree("{\"number\":\"C-1\",\"name\":\"Zoë \\\"Z\\\"\"}"));
        SyncRow c = new SyncRow("c", 1, RowKind.CUSTOMER, Instant.EPOCH, JSON.readTree("{\"number\":\"C-1\",\"name\":\"Zoe \\\"Z\\\"\"}"));
        assertThat(Payloads.fingerprint(a)).isEqualTo(Payloads.fingerprint(b)).isNotEqualTo(Payloads.fingerprint(c));
    }

    private static ObjectNode object(Random r, int depth) {
        ObjectNode o = JSON.createObjectNode();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = text(r);
            switch (depth < 2 ? r.nextInt(9) : r.nextInt(7)) {
                case 0 -> o.put(key, text(r));
                case 1 -> o.put(key, r.nextLong());
                case 2 -> o.put(key, r.nextBoolean());
                case 3 -> o.putNull(key);
                case 4 -> o.put(key, r.nextInt(2001) - 1000); // IntNode, as the wire's small numbers parse
                case 5 -> o.put(key, r.nextInt());
                case 6 -> o.set(key, number(r));
                case 7 -> o.set(key, object(r, depth + 1));
                default -> {
                    ArrayNode a = o.putArray(key);
                    for (int j = r.nextInt(4); j > 0; j--) a.add(r.nextBoolean() ? JSON.valueToTree(text(r)) : object(r, depth + 1));
                }
            }
        }
        return o;
    }

    /** A number as the server's parser makes it from wire text: int, long, big integer or floating point. */
    private static JsonNode number(Random r) {
        String[] wire = {String.valueOf(r.nextInt()), String.valueOf(r.nextLong()), "-0", "0", "123456789012345678901234567890",
                "-98765432109876543210", "1.5", "-0.25", "1e3", "2.5E-7", String.valueOf(r.nextDouble() * 1000)};
        try {
            return JSON.readTree(wire[r.nextInt(wire.length)]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Random r) {
        String[] pieces = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0000", "\u001f", "\u007f", "é", "ß",
                "\u2028", "€", "😀", "</script>", "'", "{", "]", ":", ","};
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) sb.append(pieces[r.nextInt(pieces.length)]);
        return sb.toString();
    }

    /** The canonical form as the first release computed it. */
    private static String firstRelease(SyncRow row) {
        StringBuilder sb = new StringBuilder(row.kind().wire()).append('|');
        canonical(row.payload(), sb);
        return Secrets.sha256(sb.toString());
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null || n.isNull()) {
            sb.append("null");
        } else if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            sb.append('{');
            for (String name : names) {
                if (n.get(name).isNull()) continue;
                sb.append(JSON.createObjectNode().textNode(name).toString()).append(':');
                canonical(n.get(name), sb);
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
        } else {
            sb.append(n.toString());
        }
    }
}
