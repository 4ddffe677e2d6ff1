package dev.tillsync.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Raw HTTP against the real server: any method, any headers, any bytes; answers parsed as JSON when they are. */
public final class Api {
    public static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code headers}: the answer's headers (for Retry-After and the like), empty when built by hand. */
    public record Response(int status, JsonNode body, String raw, String contentType, java.net.http.HttpHeaders headers) {
        public Response(int status, JsonNode body, String raw, String contentType) {
            this(status, body, raw, contentType, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String error() {
            return body == null ? null : body.path("error").asText(null);
        }

        public String message() {
            return body == null ? null : body.path("message").asText(null);
        }

        public <T> T as(Class<T> type) {
            try {
                return JSON.treeToValue(body, type);
            } catch (Exception e) {
                throw new AssertionError("cannot read " + raw + " as " + type.getSimpleName(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (raw.length() > 300 ? raw.substring(0, 300) + "…" : raw);
        }
    }

    private final String root;
    private final List<String> headers;

    public Api(String baseUrl) {
        this(baseUrl, List.of());
    }

    private Api(String root, List<String> headers) {
        this.root = root;
        this.headers = headers;
    }

    public Api with(String name, String value) {
        List<String> h = new ArrayList<>(headers);
        h.add(name);
        h.add(value);
        return new Api(root, h);
    }

    public Api bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public Api device(String posId, String secret) {
        return with("X-Pos-Id", posId).with("Authorization", "Device " + secret);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, bytes(body), "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, bytes(body), "application/json");
    }

    /** Any method, raw bytes (null for none), any content type. Paths are used as given (no encoding). */
    public Response send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = r.body().isEmpty() ? null : JSON.readTree(r.body());
            } catch (Exception notJson) {
                node = null;
            }
            return new Response(r.statusCode(), node, r.body(), r.headers().firstValue("Content-Type").orElse(""), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            if (body == null) return null;
            if (body instanceof byte[] b) return b;
            if (body instanceof String s) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
