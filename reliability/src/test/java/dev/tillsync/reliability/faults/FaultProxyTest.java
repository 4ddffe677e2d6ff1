package dev.tillsync.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {
    private HttpServer upstream;
    private FaultProxy proxy;
    private final AtomicInteger served = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            served.incrementAndGet();
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        upstream.start();
        proxy = new FaultProxy(0, upstream.getAddress().getPort(), 42);
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    private HttpResponse<String> post() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/x")).timeout(Duration.ofMillis(800))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passForwards() throws Exception {
        assertThat(post().body()).contains("ok");
        assertThat(served).hasValue(1);
    }

    @Test
    void cutAfterRequestLetsTheServerActButLosesTheAnswer() {
        proxy.mode(FaultMode.CUT_AFTER_REQUEST);
        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(served).hasValue(1);
    }

    @Test
    void blackholeTimesOutAndRefuseFails() {
        proxy.mode(FaultMode.BLACKHOLE);
        assertThatThrownBy(this::post).isInstanceOf(HttpTimeoutException.class);
        proxy.mode(FaultMode.REFUSE);
        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(served).hasValue(0);
    }

    @Test
    void errorsAndGarbageNeverReachTheServer() throws Exception {
        proxy.mode(FaultMode.HTTP_503);
        assertThat(post().statusCode()).isEqualTo(503);
        proxy.mode(FaultMode.HTTP_500);
        assertThat(post().statusCode()).isEqualTo(500);
        proxy.mode(FaultMode.GARBAGE);
        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(served).hasValue(0);
    }

    @Test
    void trickleAndDelayStillDeliver() throws Exception {
        proxy.mode(FaultMode.TRICKLE);
        assertThat(post().body()).contains("ok");
        proxy.delayMillis(100);
        proxy.mode(FaultMode.DELAY);
        assertThat(post().body()).contains("ok");
    }
}
