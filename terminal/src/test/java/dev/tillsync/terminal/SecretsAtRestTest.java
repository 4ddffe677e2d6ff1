package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.SharedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A whole till day through the real CLI (link with a code the admin issued over the API, shift, sales, sync, export,
 * status --json, history), with every log line of the server and the till in this JVM written to a file, at the
 * default levels and at DEBUG: no log, no command output and no file in the data folder but the secret's own holds
 * the device secret, a PIN, the admin password or the link code, and the secret-holding files are the user's only.
 */
class SecretsAtRestTest {
    private static final String PIN = "80417362";
    private static final String ADMIN_PASSWORD = "admin-pass"; // the demo seed's System Manager

    @TempDir
    Path root;

    @ParameterizedTest(name = "logging at {0}")
    @ValueSource(strings = {"default", "DEBUG"})
    void aFullDayLeavesNoSecretInLogsOutputOrFiles(String level) throws Exception {
        TillServer server = SharedServer.get();
        String tag = level.toLowerCase() + System.nanoTime() % 100000;
        String cashier = "secret-" + tag + "@shop.test";
        server.services().users().create(new BackOfficeUsers.NewUser(cashier, "Accounts User", "cashier-pw-" + tag, PIN, "Sam", "Secret"));
        String posId = String.format("POS-S%05d", System.nanoTime() % 100000);
        server.admin().createDevice(posId, "Main Store", null, posId + "-", "C" + posId + "-", "secrets test");
        server.admin().addDeviceUser(posId, cashier, true, true, true);
        server.admin().addShiftUser(posId, cashier, "Morning");

        Path logFile = root.resolve("all.log");
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger rootLogger = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME), ours = ctx.getLogger("dev.tillsync");
        // Every configured logger (ours and the libraries pinned at WARN: Jetty, Javalin, Hikari...) at DEBUG for the
        // second run, so that what a support engineer would switch on is grepped too.
        java.util.Map<Logger, Level> levelsWere = new java.util.HashMap<>();
        for (Logger l : ctx.getLoggerList()) levelsWere.put(l, l.getLevel());
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d %-5level %logger - %msg%n%ex");
        enc.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(ctx);
        file.setFile(logFile.toString());
        file.setEncoder(enc);
        file.start();
        rootLogger.addAppender(file);
        if (level.equals("DEBUG")) {
            for (Logger l : List.copyOf(ctx.getLoggerList())) if (l.getLevel() != null) l.setLevel(Level.DEBUG);
            rootLogger.setLevel(Level.DEBUG);
            ours.setLevel(Level.DEBUG);
        }
        Path data = root.resolve("till");
        List<String> outputs = new ArrayList<>();
        String code;
        try {
            code = linkCodeOverTheApi(server, posId);
            Run[] day = {
                    Cli.run(data, "link", "--server", server.baseUrl(), "--code", code),
                    Cli.run(data, "login", "--user", cashier, "--pin", PIN),
                    Cli.run(data, "shift", "open", "--float", "100"),
                    Cli.run(data, "sell", "--item", "ITEM-0001", "--pay", "Cash:100"),
                    Cli.run(data, "sell", "--item", "ITEM-0002", "--pay", "Cash:100"),
                    Cli.run(data, "sync"),
                    Cli.run(data, "export", "--out", root.resolve("day.export").toString(), "--since", "1"),
                    Cli.run(data, "status", "--json"),
                    Cli.run(data, "history"),
                    Cli.run(data, "login", "--user", cashier, "--pin", "00000000"), // a wrong PIN is logged too
            };
            for (int i = 0; i < day.length; i++) {
                if (i < day.length - 1) assertThat(day[i].exit()).as("command %d: %s%s", i, day[i].out(), day[i].err()).isZero();
                outputs.add(day[i].out());
                outputs.add(day[i].err());
            }
            JsonNode status = Json.mapper().readTree(day[7].out());
            assertThat(status.path("posId").asText()).isEqualTo(posId);
        } finally {
            rootLogger.detachAppender(file);
            file.stop();
            levelsWere.forEach(Logger::setLevel);
        }
        String secret = Files.readString(data.resolve("device.secret")).trim();
        assertThat(secret).hasSizeGreaterThan(20);
        List<String> secrets = List.of(secret, PIN, ADMIN_PASSWORD, code);

        String logs = Files.readString(logFile);
        if (level.equals("DEBUG")) {
            // Flyway is pinned at WARN by default: its INFO lines prove the libraries were raised as well as ours.
            assertThat(logs).as("library loggers were raised").contains("org.flywaydb");
            // Jetty's header traces would print the device credential; the shipped config's WireTraceGuard drops them.
            assertThat(logs).as("no wire trace").doesNotContain("org.eclipse.jetty");
        }
        for (String s : secrets) {
            assertThat(logs).as("the logs hold no secret").doesNotContain(s);
            for (String out : outputs) assertThat(out).as("command output holds no secret").doesNotContain(s);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("device.secret")).toList();
        }
        files = new ArrayList<>(files);
        files.add(root.resolve("day.export"));
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String s : secrets) assertThat(bytes).as("%s holds no secret", f.getFileName()).doesNotContain(s);
        }
        Set<PosixFilePermission> rw = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (String f : List.of("device.secret", "terminal.db")) {
            assertThat(Files.getPosixFilePermissions(data.resolve(f))).as(f).isEqualTo(rw);
        }
        for (String f : List.of("terminal.db-wal", "terminal.db-shm")) {
            if (Files.exists(data.resolve(f))) assertThat(Files.getPosixFilePermissions(data.resolve(f))).as(f).isEqualTo(rw);
        }
        assertThat(Files.getPosixFilePermissions(data)).as("data folder").allMatch(b -> b.name().startsWith("OWNER_"));
    }

    private static String linkCodeOverTheApi(TillServer server, String posId) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> login = c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@demo.shop\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = Json.mapper().readTree(login.body()).get("token").asText();
        HttpResponse<String> issued = c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/devices/" + posId + "/link-code"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
        JsonNode body = Json.mapper().readTree(issued.body());
        return body.has("code") ? body.get("code").asText() : body.get("linkCode").asText();
    }
}
