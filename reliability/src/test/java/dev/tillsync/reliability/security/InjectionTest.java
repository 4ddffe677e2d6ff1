package dev.tillsync.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.support.Api;
import dev.tillsync.reliability.support.Devices;
import dev.tillsync.reliability.support.Rows;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.server.ServerMain;
import dev.tillsync.server.TillServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SQL and script injection strings are data: stored verbatim, returned verbatim as JSON, escaped in HTML; the admin CLI import refuses paths outside sense. */
class InjectionTest {
    static final String SQL = "'); DROP TABLE sales;--";
    static final String SCRIPT = "<script>alert(1)</script>";

    private final TillServer server = SharedEnv.server();
    private final ServerLedger db = SharedEnv.ledger();

    @Test
    void hostileNamesAreStoredAndServedVerbatim() {
        Devices.Linked d = Devices.linked(server, "INJ");
        PushResult r = d.api().post("/sync/push", Rows.batch(d,
                Rows.customer(1, d.customerSeries() + "00001", SQL),
                Rows.customer(2, d.customerSeries() + "00002", SCRIPT))).as(PushResult.class);
        assertThat(r.results()).extracting(x -> x.outcome()).containsOnly(RowOutcome.ACCEPTED);
        assertThat(db.text("select name from customer where number = ?", d.customerSeries() + "00001")).isEqualTo(SQL);
        assertThat(db.text("select name from customer where number = ?", d.customerSeries() + "00002")).isEqualTo(SCRIPT);

        String manager = Devices.token(server, "manager@demo.shop", "manager-pass");
        Api api = new Api(server.baseUrl()).bearer(manager);
        String posId = "INJ-DESC-" + System.nanoTime() % 100000;
        Api.Response created = api.post("/devices", Map.of("posId", posId, "posProfile", "Main Store", "description", SQL + " " + SCRIPT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(db.text("select description from pos_offline where pos_id = ?", posId)).isEqualTo(SQL + " " + SCRIPT);
        Api.Response read = api.get("/devices/" + posId);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.body().get("description").asText()).isEqualTo(SQL + " " + SCRIPT);
        // The tables the strings aim at are still there.
        assertThat(db.count("sales_invoice")).isGreaterThanOrEqualTo(0);
        assertThat(db.number("select count(*) from information_schema.tables where table_name in ('sales_invoice', 'customer')")).isEqualTo(2);
    }

    /** A console page fetched with the session cookie the console sets (its value is an API login token). */
    private HttpResponse<String> console(HttpClient client, String token, HttpRequest.Builder b) throws Exception {
        return client.send(b.header("Cookie", "tillsync_console=" + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleEscapesHostileNames() throws Exception {
        String posId = "INJ-CON-" + System.nanoTime() % 100000;
        server.admin().createDevice(posId, "Main Store", null, null, null, SCRIPT + " " + SQL);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> probe = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Assumptions.assumeTrue(probe.statusCode() != 404, "the server has no /console; nothing to check for HTML escaping");
        String token = Devices.token(server, "manager@demo.shop", "manager-pass");
        for (String path : List.of("/console/devices", "/console/devices/" + posId)) {
            HttpResponse<String> page = console(client, token, HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void theConsoleUploadEscapesATraversalFileNameAndImportsNothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> probe = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Assumptions.assumeTrue(probe.statusCode() != 404, "the server has no /console upload");
        String token = Devices.token(server, "manager@demo.shop", "manager-pass");
        String name = "../../etc/passwd" + SCRIPT;
        String boundary = "----reliability" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + dev.tillsync.core.auth.Secrets.sha256("tillsync-console-csrf:" + token) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/gzip\r\n\r\nroot:x:0:0:root:/root:/bin/bash\r\n--" + boundary + "--\r\n";
        long invoices = db.count("sales_invoice"), status = db.count("pos_offline_sync_status");
        HttpResponse<String> page = console(client, token, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(page.statusCode()).as(page.body()).isLessThan(500);
        assertThat(page.body()).doesNotContain(SCRIPT).contains("Nothing was imported");
        assertThat(db.count("sales_invoice")).isEqualTo(invoices);
        assertThat(db.count("pos_offline_sync_status")).isEqualTo(status);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/etc/passwd" + SCRIPT))).isFalse();
        assertThat(new Api(server.baseUrl()).get("/health").status()).isEqualTo(200);
    }

    @Test
    void adminCliImportOfTraversalPathsFailsClearlyAndWritesNothing() {
        long invoices = db.count("sales_invoice"), status = db.count("pos_offline_sync_status");
        for (String path : List.of("../../../../../../../../etc/passwd", "/etc/passwd", "../../no/such/export.gz")) {
            StringWriter err = new StringWriter();
            CommandLine cl = ServerMain.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new StringWriter(), true));
            int code = cl.execute("admin", "--db", SharedEnv.serverJdbcUrl(), "--data", Path.of("target", "admin-cli").toString(), "import", path);
            assertThat(code).as(path + ": " + err).isNotZero();
            assertThat(err.toString()).as(path).startsWith("error: ").doesNotContain("Exception\n\tat ");
            assertThat(err.toString()).as(path).containsAnyOf("not a tillsync export file", "not gzip", "cannot read");
        }
        assertThat(db.count("sales_invoice")).isEqualTo(invoices);
        assertThat(db.count("pos_offline_sync_status")).isEqualTo(status);
    }
}
