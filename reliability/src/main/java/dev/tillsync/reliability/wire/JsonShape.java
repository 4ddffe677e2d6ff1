package dev.tillsync.reliability.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shape of a JSON answer as a till reads it: for every object path ({@code results[].outcome}), the fields it had
 * (every time, and at least once) and the JSON type of each value. Tills parse strictly (an unknown field fails
 * the whole answer), so an answer is compatible with a recorded one when it brings no field the recording did not
 * have, keeps every field the recording always had, and keeps each value's type. Values themselves may differ.
 */
public final class JsonShape {
    private final Map<String, Set<String>> always = new TreeMap<>();
    private final Map<String, Set<String>> sometimes = new TreeMap<>();
    private final Map<String, Set<String>> types = new TreeMap<>();

    public static JsonShape of(JsonNode root) {
        JsonShape s = new JsonShape();
        s.walk("$", root);
        return s;
    }

    private void walk(String path, JsonNode n) {
        if (n == null || n.isNull()) return;
        types.computeIfAbsent(path, k -> new HashSet<>()).add(typeOf(n));
        if (n.isObject()) {
            Set<String> keys = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) continue;
                keys.add(e.getKey());
                walk(path + "." + e.getKey(), e.getValue());
            }
            sometimes.computeIfAbsent(path, k -> new HashSet<>()).addAll(keys);
            always.merge(path, keys, (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.retainAll(b);
                return both;
            });
        } else if (n.isArray()) {
            // a pull page mixes entities (item, stock, customer...): each is judged against its own kind
            for (JsonNode e : n) walk(path + "[" + e.path("entity").asText("") + "]", e);
        }
    }

    private static String typeOf(JsonNode n) {
        if (n.isObject()) return "object";
        if (n.isArray()) return "array";
        if (n.isTextual()) return "string";
        if (n.isBoolean()) return "boolean";
        if (n.isIntegralNumber()) return "integer";
        if (n.isNumber()) return "number";
        return n.getNodeType().name().toLowerCase();
    }

    /**
     * What in {@code answer} an old till that got {@code recorded} could not read: empty when compatible. Paths the
     * answer does not reach (an empty page where the recording had rows) are not judged.
     */
    public List<String> incompatibilitiesOf(JsonShape answer) {
        List<String> out = new ArrayList<>();
        answer.sometimes.forEach((path, keys) -> {
            Set<String> known = sometimes.get(path);
            if (known == null) {
                if (!keys.isEmpty()) out.add(path + ": an object the recording did not have here, with " + keys);
                return;
            }
            Set<String> added = new HashSet<>(keys);
            added.removeAll(known);
            if (!added.isEmpty()) out.add(path + ": new fields " + added + " (an older till refuses unknown fields)");
        });
        answer.always.forEach((path, keys) -> {
            Set<String> required = always.get(path);
            if (required == null) return;
            Set<String> missing = new HashSet<>(required);
            missing.removeAll(keys);
            if (!missing.isEmpty()) out.add(path + ": fields the recording always had are missing: " + missing);
        });
        answer.types.forEach((path, t) -> {
            Set<String> known = types.get(path);
            if (known != null && !known.containsAll(t)) out.add(path + ": type " + t + ", recorded " + known);
        });
        return out;
    }
}
