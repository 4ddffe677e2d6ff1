package dev.tillsync.reliability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.export.ExportFile;
import dev.tillsync.core.auth.Secrets;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncProtocol;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old tills meet a new server (issue 20 item 3): the link, pulls, push and export-file upload a till of sync protocol
 * 2 made (recorded by {@link WireRecorder} into src/test/resources/wire/protocol-2, committed) are sent byte for byte
 * to this server, which must accept each and answer it in a form that till can still read; and a till outside the
 * server's protocol range is told what to update, with nothing of its call written.
 */
class GoldenWireTest {
    private static final Path FIXTURES = Path.of("src/test/resources/wire/protocol-2");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void thisServerAcceptsAndAnswersEveryRecordedCallOfAProtocol2Till() throws Exception {
        List<WireFixtures.Fixture> fixtures = WireFixtures.read(FIXTURES);
        assertThat(fixtures).extracting(f -> f.exchange().method() + " " + f.exchange().path().replaceFirst("\\?.*", ""))
                .contains("POST /api/v1/terminal/link", "GET /api/v1/sync/pull", "POST /api/v1/sync/push", "POST /api/v1/imports");
        String url = SharedEnv.postgres().newDatabase("golden_wire");
        try (TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(dir.resolve("server")), url, 0))) {
            server.admin().seedDemo();
            String code = WireRecorder.createDevice(server);
            ServerLedger ledger = ServerLedger.over(url);
            for (WireFixtures.Fixture f : fixtures) {
                Exchange recorded = f.exchange();
                byte[] body = recorded.requestBody();
                if (recorded.path().endsWith("/terminal/link")) body = withField(body, "code", code);
                HttpResponse<byte[]> answer = send(server, recorded, body, recorded.requestHeaders());
                assertThat(answer.statusCode()).as(f.name() + ": " + new String(answer.body())).isEqualTo(recorded.status());
                JsonNode got = WireFixtures.parse(answer.body());
                assertThat(JsonShape.of(f.answer()).incompatibilitiesOf(JsonShape.of(got))).as(f.name()).isEmpty();
                if (recorded.path().endsWith("/terminal/link")) {
                    // become the recorded device: the fixtures carry the secret the recording's server issued
                    String secret = f.answer().path("deviceSecret").asText();
                    ledger.update("update pos_offline set secret_hash = ? where pos_id = ?", Secrets.sha256(secret), WireRecorder.POS_ID);
                    ledger.update("update device_signing_key set signing_key = ? where device_id = (select id from pos_offline where pos_id = ?)",
                            ExportFile.signingKey(secret), WireRecorder.POS_ID);
                }
                if (got.has("results")) {
                    assertThat(outcomes(got)).as(f.name() + ": each row's outcome").isEqualTo(outcomes(f.answer()));
                }
            }
            assertThat(ledger.invoiceCounts(WireRecorder.POS_ID)).as("the recorded sales, each once").hasSize(3).allSatisfy((n, c) -> assertThat(c).isOne());
        }
    }

    @Test
    void aTillOutsideTheServersProtocolRangeIsToldWhatToUpdateAndNothingIsWritten() throws Exception {
        List<WireFixtures.Fixture> fixtures = WireFixtures.read(FIXTURES);
        Exchange link = fixtures.stream().map(WireFixtures.Fixture::exchange).filter(e -> e.path().endsWith("/terminal/link")).findFirst().orElseThrow();
        Exchange push = fixtures.stream().map(WireFixtures.Fixture::exchange).filter(e -> e.path().endsWith("/sync/push")).findFirst().orElseThrow();
        String url = SharedEnv.postgres().newDatabase("wire_range");
        try (TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(dir.resolve("server2")), url, 0)
                .withMinSyncProtocol(SyncProtocol.CURRENT))) {
            server.admin().seedDemo();
            String code = WireRecorder.createDevice(server);
            ServerLedger ledger = ServerLedger.over(url);

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.headers().firstValue(SyncProtocol.RANGE_HEADER)).contains(SyncProtocol.CURRENT + "-" + SyncProtocol.CURRENT);

            // a till from before versioning (no header) against a server that no longer serves it
            Map<String, String> unversioned = new LinkedHashMap<>(link.requestHeaders());
            unversioned.remove(SyncProtocol.HEADER);
            HttpResponse<byte[]> old = send(server, link, withField(link.requestBody(), "code", code), unversioned);
            assertThat(old.statusCode()).isEqualTo(426);
            JsonNode oldError = JSON.readTree(old.body());
            assertThat(oldError.path("error").asText()).isEqualTo("protocol_too_old");
            assertThat(oldError.path("message").asText()).contains("sync protocol 1").contains("Update tillsync on this till");
            assertThat(ledger.text("select connection_status from pos_offline where pos_id = ?", WireRecorder.POS_ID))
                    .as("the refused link did not link the device").isNotEqualTo("Linked");

            // the same code still links a current till
            HttpResponse<byte[]> linked = send(server, link, withField(link.requestBody(), "code", code), link.requestHeaders());
            assertThat(linked.statusCode()).as(new String(linked.body())).isEqualTo(200);
            String secret = JSON.readTree(linked.body()).path("deviceSecret").asText();
            Map<String, String> newer = new LinkedHashMap<>(push.requestHeaders());
            newer.put("Authorization", "Device " + secret);
            newer.put(SyncProtocol.HEADER, Integer.toString(SyncProtocol.CURRENT + 1));
            HttpResponse<byte[]> tooNew = send(server, push, push.requestBody(), newer);
            assertThat(tooNew.statusCode()).isEqualTo(409);
            JsonNode newError = JSON.readTree(tooNew.body());
            assertThat(newError.path("error").asText()).isEqualTo("protocol_too_new");
            assertThat(newError.path("message").asText()).contains("Update the server");
            newer.put(SyncProtocol.HEADER, "two");
            assertThat(send(server, push, push.requestBody(), newer).statusCode()).as("a malformed version").isEqualTo(400);
            // a current till's push whose synced-through mark is not a sequence number
            Map<String, String> badMark = new LinkedHashMap<>(push.requestHeaders());
            badMark.put("Authorization", "Device " + secret);
            for (String mark : List.of("-1", "twelve", "9".repeat(30))) {
                badMark.put(SyncHeaders.SYNCED_THROUGH, mark);
                HttpResponse<byte[]> bad = send(server, push, push.requestBody(), badMark);
                assertThat(bad.statusCode()).as("X-Synced-Through " + mark).isEqualTo(400);
                JsonNode badError = JSON.readTree(bad.body());
                assertThat(badError.path("error").asText()).isEqualTo("invalid_synced_through");
                assertThat(badError.path("message").asText()).contains("nothing was applied");
            }
            assertThat(ledger.invoiceCounts(WireRecorder.POS_ID)).as("nothing of a push with a bad mark is written").isEmpty();
            assertThat(ledger.invoiceCounts(WireRecorder.POS_ID)).as("nothing of a refused push is written").isEmpty();
        }
    }

    private static HttpResponse<byte[]> send(TillServer server, Exchange e, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + e.path())).timeout(Duration.ofSeconds(60))
                .method(e.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] withField(byte[] json, String field, String value) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(json);
        n.put(field, value);
        return JSON.writeValueAsBytes(n);
    }

    private static Map<Long, String> outcomes(JsonNode answer) {
        Map<Long, String> m = new TreeMap<>();
        for (JsonNode r : answer.path("results")) m.put(r.path("seq").asLong(), r.path("outcome").asText());
        return m;
    }
}
