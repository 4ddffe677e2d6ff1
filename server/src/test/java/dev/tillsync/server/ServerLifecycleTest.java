package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.server.db.DataDirBusyException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Its own data folder: the real CLI admin commands, restart on the same folder and port, and the folder lock. */
class ServerLifecycleTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run cli(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = ServerMain.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void aMinimumSyncProtocolOutsideTheReleasesIsRefusedBeforeAnythingStarts() {
        for (String n : java.util.List.of("0", "3")) {
            Path data = dir.resolve("min-" + n);
            Run r = cli("--data", data.toString(), "--port", "0", "--min-sync-protocol", n);
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("--min-sync-protocol must be between 1").contains("(it is " + n + ")");
            assertThat(data.resolve("pg")).as("no database was started").doesNotExist();
        }
    }

    @Test
    void cliAdminCommandsThenServerRestartsOnSameFolderAndPort() throws Exception {
        String data = dir.toString();
        assertThat(cli("--data", data, "admin", "init", "--admin-email", "boss@shop.test", "--admin-password", "boss-pass-1").exit()).isZero();
        assertThat(cli("admin", "--data", data, "seed-demo").exit()).isZero();
        assertThat(cli("admin", "user", "add", "kim@shop.test", "--role", "Accounts User", "--password", "kim-pass-1",
                "--pin", "4321", "--first-name", "Kim", "--data", data).exit()).isZero();
        assertThat(cli("admin", "device", "create", "--pos-id", "POS-0042", "--profile", "Main Store", "--rows-per-request", "50",
                "--description", "Back door", "--data", data).exit()).isZero();
        assertThat(cli("admin", "device", "user", "add", "POS-0042", "--user", "kim@shop.test", "--can-reprint", "--data", data).exit()).isZero();
        assertThat(cli("admin", "device", "shift-user", "add", "POS-0042", "--user", "kim@shop.test", "--shift-type", "Morning", "--data", data).exit()).isZero();
        Run show = cli("admin", "device", "show", "POS-0042", "--data", data);
        assertThat(show.out()).contains("\"invoiceSeries\" : \"POS-0042-\"").contains("kim@shop.test").contains("\"canReprint\" : true")
                .contains("\"syncRowsPerRequest\" : 50");
        Run code = cli("admin", "device", "link-code", "POS-0042", "--json", "--data", data);
        assertThat(code.exit()).isZero();
        assertThat(code.out()).contains("\"code\"").contains("expiresAt");
        Run bad = cli("admin", "device", "create", "--pos-id", "POS-0042", "--profile", "Main Store", "--data", data);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("already exists");
        assertThat(cli("admin", "device", "unlink", "POS-0042", "--force", "--data", data).out()).contains("Unlinked");

        TillServer first = TillServer.start(new ServerOptions(dir, null, 0));
        int port = first.port();
        try {
            Http http = new Http(first.baseUrl());
            assertThat(http.get("/health").status()).isEqualTo(200);
            assertThat(http.post("/auth/login", Map.of("email", "boss@shop.test", "password", "boss-pass-1")).status()).isEqualTo(200);
            assertThatThrownBy(() -> TillServer.start(new ServerOptions(dir, null, 0)))
                    .isInstanceOf(DataDirBusyException.class).hasMessageContaining("already running");
            // an admin command while the server runs uses the server's PostgreSQL
            assertThat(cli("admin", "device", "show", "POS-0042", "--data", data).exit()).isZero();
        } finally {
            first.close();
        }
        try (TillServer again = TillServer.start(new ServerOptions(dir, null, port))) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(new Http(again.baseUrl()).post("/auth/login", Map.of("email", "kim@shop.test", "password", "kim-pass-1")).status())
                    .isEqualTo(200);
        }
    }
}
