package dev.tillsync.server;

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

/** A tiny HTTP client for tests: real requests, JSON answers. */
final class Http {
    static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, String raw) {
        <T> T as(Class<T> type) {
            try {
                return JSON.treeToValue(body, type);
            } catch (Exception e) {
                throw new AssertionError("cannot read " + raw + " as " + type.getSimpleName(), e);
            }
        }

        String error() {
            return body == null ? null : body.path("error").asText(null);
        }
    }

    private final String base;
    private final List<String> headers = new ArrayList<>();

    Http(String baseUrl) {
        this.base = baseUrl + "/api/v1";
    }

    Http with(String name, String value) {
        Http h = new Http(base.substring(0, base.length() - "/api/v1".length()));
        h.headers.addAll(headers);
        h.headers.add(name);
        h.headers.add(value);
        return h;
    }

    Http bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    Http device(String posId, String secret) {
        return with("X-Pos-Id", posId).with("Authorization", "Device " + secret);
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response delete(String path) {
        return send(builder(path).DELETE());
    }

    Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    Response postBytes(String path, byte[] body, String contentType) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        try {
            if (body == null) return HttpRequest.BodyPublishers.noBody();
            String s = body instanceof String str ? str : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            if (!r.body().isEmpty()) {
                try {
                    node = JSON.readTree(r.body());
                } catch (Exception e) {
                    node = null;
                }
            }
            return new Response(r.statusCode(), node, r.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }
}
