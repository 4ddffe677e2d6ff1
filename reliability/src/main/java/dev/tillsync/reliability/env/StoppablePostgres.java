package dev.tillsync.reliability.env;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL the run can stop and start again on the same port and data folder, the way an operator's
 * restart (or a crashed database host coming back) looks to the server: connections break, new ones are refused,
 * then the same database answers again with everything it had committed.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;

    private StoppablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static StoppablePostgres start(Path dataDir) throws IOException {
        StoppablePostgres p = new StoppablePostgres(dataDir, FreePort.any());
        p.startAgain();
        return p;
    }

    /** The postgres database on this server, user postgres (trust auth). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public synchronized boolean running() {
        return pg != null;
    }

    /** Stops PostgreSQL (pg_ctl stop, fast mode: open sessions are ended, committed data stays). */
    public synchronized void stop() throws IOException {
        if (pg == null) return;
        try {
            pg.close();
        } finally {
            pg = null;
        }
    }

    /** Starts it again on the same port and data folder. */
    public synchronized void startAgain() throws IOException {
        if (pg != null) return;
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
