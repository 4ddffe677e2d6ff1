package dev.tillsync.bench.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A lightweight device on the wire: the link call and authenticated pushes over plain HTTP, nothing
 * else (no store, no engine). Used for simulated fleets and for the naive one-request-per-invoice baseline.
 */
public final class DeviceHttp {
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http;
    private final URI pushUri;
    private final String posId;
    private final String secret;

    public DeviceHttp(HttpClient http, String baseUrl, String posId, String secret) {
        this.http = http;
        this.pushUri = URI.create(baseUrl + "/api/v1/sync/push");
        this.posId = posId;
        this.secret = secret;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Redeems a link code as a terminal would; returns the device's identity and secret. */
    public static DeviceHttp link(HttpClient http, String baseUrl, String code) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/terminal/link"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(new LinkRequest(code, "bench sim"))))
                .build();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) throw new IOException("link answered " + resp.statusCode() + ": " + new String(resp.body()));
        LinkResponse lr = JSON.readValue(resp.body(), LinkResponse.class);
        return new DeviceHttp(http, baseUrl, lr.posId(), lr.deviceSecret());
    }

    public String posId() {
        return posId;
    }

    public String secret() {
        return secret;
    }

    /** Pushes one batch; a non-200 answer is an IOException carrying the server's error body. */
    public PushResult push(PushBatch batch) throws IOException, InterruptedException {
        return push(JSON.writeValueAsBytes(batch));
    }

    public PushResult push(byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(pushUri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header(SyncHeaders.POS_ID, posId)
                .header(SyncHeaders.AUTHORIZATION, SyncHeaders.SCHEME + secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) throw new IOException("push answered " + resp.statusCode() + ": " + new String(resp.body()));
        return JSON.readValue(resp.body(), PushResult.class);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
