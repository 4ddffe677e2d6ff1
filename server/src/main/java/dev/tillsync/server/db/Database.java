package dev.tillsync.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: an external one ({@code --db}) or an embedded one whose files live in
 * {@code dataDir/pg}. The schema is migrated by Flyway on open (Flyway's own lock makes concurrent
 * starts safe).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String PORT_FILE = "pg.port";
    /** Connections a server (or an admin command) keeps at most; a server's is set with --db-pool-size. */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** The application_name of a server's connections (and of an admin command's). */
    public static final String SERVER_APPLICATION = "tillsync-server", ADMIN_APPLICATION = "tillsync-admin";

    /** How often the server tries its database again while it is unreachable. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final HikariDataSource pool;
    private final DatabaseOutage outage;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedPostgres embedded;
    private final DataDirLock lock;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded, DataDirLock lock) {
        this.pool = pool;
        this.outage = new DatabaseOutage(() -> {
            try (java.sql.Connection c = pool.getConnection()) {
                return c.isValid(2);
            }
        }, PROBE_INTERVAL, java.time.Clock.systemUTC());
        this.dataSource = new GuardedDataSource(pool, outage);
        this.jdbi = Jdbi.create(dataSource);
        this.embedded = embedded;
        this.lock = lock;
    }

    /** Opens for a server: an embedded database requires the data folder to be free. */
    public static Database openForServer(Path dataDir, String jdbcUrl) throws IOException {
        return openForServer(dataDir, jdbcUrl, DEFAULT_POOL_SIZE);
    }

    /** As {@link #openForServer(Path, String)}, keeping at most {@code poolSize} connections open. */
    public static Database openForServer(Path dataDir, String jdbcUrl, int poolSize) throws IOException {
        if (poolSize < 1) throw new IllegalArgumentException("The database pool size must be at least 1 (it is " + poolSize + ").");
        if (jdbcUrl != null) {
            return new Database(pool(jdbcUrl, null, poolSize, SERVER_APPLICATION), null, null).migrate();
        }
        DataDirLock lock = DataDirLock.tryAcquire(dataDir).orElseThrow(() -> new DataDirBusyException(
                "Another tillsync server is already running on data folder " + dataDir.toAbsolutePath()
                        + ". Stop it first, or start this one with another --data folder."));
        return startEmbedded(dataDir, lock, poolSize, SERVER_APPLICATION);
    }

    /**
     * Opens for an admin command: when a server is running on the folder, connect to its PostgreSQL;
     * otherwise start the embedded one for the duration of the command.
     */
    public static Database openForAdmin(Path dataDir, String jdbcUrl) throws IOException {
        if (jdbcUrl != null) {
            return new Database(pool(jdbcUrl, null, DEFAULT_POOL_SIZE, ADMIN_APPLICATION), null, null).migrate();
        }
        Optional<DataDirLock> lock = DataDirLock.tryAcquire(dataDir);
        if (lock.isPresent()) {
            return startEmbedded(dataDir, lock.get(), DEFAULT_POOL_SIZE, ADMIN_APPLICATION);
        }
        Path portFile = dataDir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) {
            throw new DataDirBusyException("The data folder " + dataDir.toAbsolutePath() + " is locked by another process that is not a running server; retry in a moment.");
        }
        int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim());
        return new Database(pool(embeddedUrl(port), "postgres", DEFAULT_POOL_SIZE, ADMIN_APPLICATION), null, null).migrate();
    }

    private static Database startEmbedded(Path dataDir, DataDirLock lock, int poolSize, String application) throws IOException {
        try {
            Path pgDir = dataDir.resolve("pg");
            Files.createDirectories(pgDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // zonky's default is synchronous_commit=off (fast tests): a commit answered before its WAL is
                    // written, so a PostgreSQL crash could drop sales the server had answered accepted
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(pg.getPort()), StandardCharsets.UTF_8);
            log.info("embedded PostgreSQL on port {} with data in {}", pg.getPort(), pgDir);
            try {
                return new Database(pool(embeddedUrl(pg.getPort()), "postgres", poolSize, application), pg, lock).migrate();
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static String embeddedUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static HikariDataSource pool(String url, String user, int poolSize, String application) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        // pg_stat_activity names who is connected: a restore refuses to run under a live server (DatabaseBackup)
        c.addDataSourceProperty("ApplicationName", application);
        if (user != null) c.setUsername(user);
        c.setMaximumPoolSize(poolSize);
        // Batch ingest sends lines, payments and ledger entries as JDBC batches: one multi-row insert each.
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.setMinimumIdle(1);
        // How long a request waits for a free connection. Past it the request is answered 503 (server_busy or, when
        // the database cannot be reached, database_unavailable) and the till resends: a short wait keeps an outage's
        // first requests from hanging, and is still far above a busy pool's queueing (see docs/reliability.md).
        c.setConnectionTimeout(5_000);
        // A database host that does not answer at all (not even a refusal) costs at most this per connection attempt;
        // a connectTimeout in the --db URL wins over it.
        c.addDataSourceProperty("connectTimeout", "5");
        // With several hosts (a primary and its standbys), pgjdbc remembers which one is not the primary for this long
        // before it asks again (its default is 10 s): after a failover the promoted standby is found this much sooner.
        c.addDataSourceProperty("hostRecheckSeconds", "2");
        c.setPoolName("tillsync");
        return new HikariDataSource(c);
    }

    private Database migrate() {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL the pool connects to (without the user, which the pool sets apart). */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    /** Whether the database is reachable right now (what /health and the 503 answers go by). */
    public DatabaseOutage outage() {
        return outage;
    }

    @Override
    public void close() {
        outage.close();
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
        if (lock != null) lock.close();
    }
}
