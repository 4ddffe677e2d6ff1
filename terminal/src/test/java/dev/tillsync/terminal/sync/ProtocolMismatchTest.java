package dev.tillsync.terminal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.SyncProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** What the till makes of the protocol range a server names on its health answer. */
class ProtocolMismatchTest {
    private static HttpResponse<String> answer(String range) {
        Map<String, List<String>> h = range == null ? Map.of() : Map.of(SyncProtocol.RANGE_HEADER, List.of(range));
        HttpHeaders headers = HttpHeaders.of(h, (a, b) -> true);
        return new HttpResponse<>() {
            @Override public int statusCode() { return 200; }
            @Override public HttpRequest request() { return null; }
            @Override public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            @Override public HttpHeaders headers() { return headers; }
            @Override public String body() { return "{\"status\":\"ok\"}"; }
            @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
            @Override public URI uri() { return URI.create("http://server/api/v1/health"); }
            @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }

    @org.junit.jupiter.api.Test
    void aServerThatNoLongerOrNotYetSpeaksThisTillsProtocolIsARefusalThatSaysWhatToUpdate() {
        assertThat(ServerClient.protocolMismatch(answer(null))).as("a server from before versioning").isNull();
        assertThat(ServerClient.protocolMismatch(answer("1-" + SyncProtocol.CURRENT))).isNull();
        ServerException old = ServerClient.protocolMismatch(answer((SyncProtocol.CURRENT + 1) + "-" + (SyncProtocol.CURRENT + 2)));
        assertThat(old.code()).isEqualTo("protocol_too_old");
        assertThat(old.getMessage()).contains("Update tillsync on this till");
        ServerException newer = ServerClient.protocolMismatch(answer("1-" + (SyncProtocol.CURRENT - 1)));
        assertThat(newer.code()).isEqualTo("protocol_too_new");
        assertThat(newer.getMessage()).contains("Update the server");
        assertThat(ServerClient.protocolMismatch(answer("garbage"))).as("a range it cannot read is not judged").isNull();
    }
}
