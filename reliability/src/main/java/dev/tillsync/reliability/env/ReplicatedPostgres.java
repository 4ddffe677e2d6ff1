package dev.tillsync.reliability.env;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary with a streaming-replication standby, built from the server binaries the project ships (no
 * pg_basebackup among them): the primary is initialised, stopped and its folder copied as the standby's (a cold base
 * backup), then both run, the standby following the primary's WAL stream. {@link Mode#SYNC} makes the primary wait,
 * on every commit, for the standby to have the commit on disk ({@code synchronous_standby_names = 'standby1'},
 * {@code synchronous_commit = on}); {@link Mode#ASYNC} does not wait.
 */
public final class ReplicatedPostgres implements AutoCloseable {
    public enum Mode { SYNC, ASYNC }

    public static final String STANDBY_NAME = "standby1";

    private final Path primaryDir;
    private final Path standbyDir;
    private final int primaryPort;
    private final int standbyPort;
    private final Mode mode;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres standby;

    private ReplicatedPostgres(Path dir, Mode mode) throws IOException {
        this.primaryDir = dir.resolve("primary");
        this.standbyDir = dir.resolve("standby");
        this.primaryPort = FreePort.any();
        this.standbyPort = FreePort.any();
        this.mode = mode;
    }

    public static ReplicatedPostgres start(Path dir, Mode mode) throws Exception {
        ReplicatedPostgres r = new ReplicatedPostgres(dir, mode);
        r.build();
        return r;
    }

    private void build() throws Exception {
        Files.createDirectories(primaryDir);
        EmbeddedPostgres init = builder(primaryDir, primaryPort).start();
        init.close();
        append(primaryDir, "wal_level = replica", "max_wal_senders = 10", "wal_keep_size = '512MB'", "hot_standby = on",
                mode == Mode.SYNC ? "synchronous_standby_names = '" + STANDBY_NAME + "'" : "synchronous_standby_names = ''",
                "synchronous_commit = on");
        copy(primaryDir, standbyDir);
        Files.deleteIfExists(standbyDir.resolve("postmaster.pid"));
        Files.writeString(standbyDir.resolve("standby.signal"), "");
        // the standby never waits for a standby of its own once promoted: it is the only one left
        append(standbyDir, "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name=" + STANDBY_NAME + "'",
                "synchronous_standby_names = ''", "hot_standby = on");
        primary = builder(primaryDir, primaryPort).start();
        standby = builder(standbyDir, standbyPort).start();
        waitStreaming(Duration.ofSeconds(60));
    }

    /** Both hosts, the primary first; pgjdbc connects to whichever is the primary now. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/postgres?user=postgres&targetServerType=primary&connectTimeout=2";
    }

    /** The standby alone (read-only until promoted). */
    public String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres?user=postgres";
    }

    public Mode mode() {
        return mode;
    }

    /** kill -9 of the primary's postmaster: a crash, not a shutdown (nothing is flushed on the way out). */
    public void killPrimary() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(primaryDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) sleep(20);
    }

    /** Promotes the standby (pg_promote, waiting until it accepts writes). */
    public void promoteStandby() throws SQLException {
        try (Connection c = DriverManager.getConnection(standbyUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_promote(true, 60)")) {
            rs.next();
            if (!rs.getBoolean(1)) throw new IllegalStateException("the standby did not promote within 60 s");
        }
    }

    private void waitStreaming(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres?user=postgres");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select sync_state from pg_stat_replication where application_name = '" + STANDBY_NAME
                         + "' and state = 'streaming'")) {
                if (rs.next()) {
                    String want = mode == Mode.SYNC ? "sync" : "async";
                    if (want.equals(rs.getString(1))) return;
                }
            }
            sleep(100);
        }
        throw new IllegalStateException("the standby did not start streaming from the primary within " + limit.toSeconds() + " s");
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port) {
        // zonky starts PostgreSQL with synchronous_commit=off (fast tests) on its command line, which beats the config
        // files: a commit would then be answered before its WAL is written anywhere, and no replication mode would hold
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(true).setPGStartupWait(Duration.ofSeconds(60));
    }

    private static void append(Path dataDir, String... lines) throws IOException {
        Files.writeString(dataDir.resolve("postgresql.auto.conf"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // PostgreSQL refuses a data folder others can read
        try {
            Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    @Override
    public void close() {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {standby, primary}) {
            if (pg == null) continue;
            try {
                pg.close();
            } catch (IOException | RuntimeException ignored) {
                // a killed primary has nothing left to stop
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
