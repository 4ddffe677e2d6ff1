package dev.tillsync.reliability.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Golden wire fixtures on disk: one JSON file per exchange, {@code NN-method-path.json}, in call order. A JSON body is
 * kept as JSON (readable in a diff), any other body (the gzip export file) as base64.
 */
public final class WireFixtures {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A fixture: its file name and the exchange it holds. */
    public record Fixture(String name, Exchange exchange) {
        public JsonNode answer() {
            return parse(exchange.answerBody());
        }
    }

    private WireFixtures() {}

    public static void write(Path dir, List<Exchange> exchanges) throws IOException {
        Files.createDirectories(dir);
        int i = 0;
        for (Exchange e : exchanges) {
            String route = e.path().replaceFirst("\\?.*", "").replaceFirst("^/api/v1/", "").replaceAll("[^A-Za-z0-9]+", "-");
            String name = String.format("%02d-%s-%s.json", ++i, e.method().toLowerCase(), route);
            ObjectNode n = JSON.createObjectNode();
            n.put("method", e.method());
            n.put("path", e.path());
            n.set("requestHeaders", JSON.valueToTree(e.requestHeaders()));
            putBody(n, "requestBody", e.requestBody());
            n.put("status", e.status());
            putBody(n, "answerBody", e.answerBody());
            Files.writeString(dir.resolve(name), JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
        }
    }

    public static List<Fixture> read(Path dir) throws IOException {
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JSON.readTree(f.toFile());
                Map<String, String> headers = new LinkedHashMap<>();
                n.path("requestHeaders").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                out.add(new Fixture(f.getFileName().toString(), new Exchange(n.path("method").asText(), n.path("path").asText(), headers,
                        body(n, "requestBody"), n.path("status").asInt(), body(n, "answerBody"))));
            }
        }
        return out;
    }

    static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON body: " + e.getMessage(), e);
        }
    }

    private static void putBody(ObjectNode n, String field, byte[] body) {
        if (body.length == 0) return;
        try {
            n.set(field, JSON.readTree(body));
        } catch (IOException notJson) {
            n.put(field + "Base64", Base64.getEncoder().encodeToString(body));
        }
    }

    private static byte[] body(JsonNode n, String field) throws IOException {
        if (n.has(field)) return JSON.writeValueAsBytes(n.get(field));
        if (n.has(field + "Base64")) return Base64.getDecoder().decode(n.get(field + "Base64").asText());
        return new byte[0];
    }
}
