package dev.tillsync.server;

import dev.tillsync.core.sync.SyncProtocol;
import dev.tillsync.server.ingest.PostedTimeCheck;
import dev.tillsync.server.tls.TlsOptions;
import java.nio.file.Path;

/**
 * How to start a server.
 *
 * @param dataDir     data folder (embedded PostgreSQL files under {@code dataDir/pg}, and the folder lock)
 * @param jdbcUrl     an external PostgreSQL, or null for the embedded one
 * @param port        HTTP port, 0 for any free port
 * @param dbPoolSize  most PostgreSQL connections this instance keeps open (instances × this must stay below max_connections)
 * @param postedTimes how far an invoice's posted time may be after the server's clock, or before the device's previous
 *                    invoice, before it is flagged for review (default 10 min and 1 h)
 * @param tls         HTTPS on {@code port} instead of HTTP, or null for plain HTTP
 * @param minSyncProtocol the oldest till sync protocol served ({@link SyncProtocol}); older tills are told to update
 */
public record ServerOptions(Path dataDir, String jdbcUrl, int port, int dbPoolSize, PostedTimeCheck.Tolerances postedTimes, TlsOptions tls,
                            int minSyncProtocol) {
    public static final int DEFAULT_DB_POOL_SIZE = 16;

    public ServerOptions {
        // refused here, before a database is opened or a port taken
        if (minSyncProtocol < SyncProtocol.UNVERSIONED || minSyncProtocol > SyncProtocol.CURRENT) {
            throw new IllegalArgumentException("--min-sync-protocol must be between " + SyncProtocol.UNVERSIONED + " (every release) and "
                    + SyncProtocol.CURRENT + " (this release) (it is " + minSyncProtocol + ").");
        }
    }

    public ServerOptions(Path dataDir, String jdbcUrl, int port, int dbPoolSize, PostedTimeCheck.Tolerances postedTimes, TlsOptions tls) {
        this(dataDir, jdbcUrl, port, dbPoolSize, postedTimes, tls, SyncProtocol.UNVERSIONED);
    }

    public ServerOptions(Path dataDir, String jdbcUrl, int port, int dbPoolSize, PostedTimeCheck.Tolerances postedTimes) {
        this(dataDir, jdbcUrl, port, dbPoolSize, postedTimes, null);
    }

    public ServerOptions(Path dataDir, String jdbcUrl, int port) {
        this(dataDir, jdbcUrl, port, DEFAULT_DB_POOL_SIZE, PostedTimeCheck.Tolerances.DEFAULTS);
    }

    public ServerOptions withPostedTimes(PostedTimeCheck.Tolerances t) {
        return new ServerOptions(dataDir, jdbcUrl, port, dbPoolSize, t, tls, minSyncProtocol);
    }

    public ServerOptions withTls(TlsOptions t) {
        return new ServerOptions(dataDir, jdbcUrl, port, dbPoolSize, postedTimes, t, minSyncProtocol);
    }

    public ServerOptions withMinSyncProtocol(int min) {
        return new ServerOptions(dataDir, jdbcUrl, port, dbPoolSize, postedTimes, tls, min);
    }
}
