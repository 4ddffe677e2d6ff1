package dev.tillsync.server;

import java.nio.file.Path;

/**
 * How to start a server.
 *
 * @param dataDir data folder (embedded PostgreSQL files under {@code dataDir/pg}, and the folder lock)
 * @param jdbcUrl an external PostgreSQL, or null for the embedded one
 * @param port    HTTP port, 0 for any free port
 * @param dbPoolSize most PostgreSQL connections this instance keeps open (instances × this must stay below max_connections)
 */
public record ServerOptions(Path dataDir, String jdbcUrl, int port, int dbPoolSize) {
    public static final int DEFAULT_DB_POOL_SIZE = 16;

    public ServerOptions(Path dataDir, String jdbcUrl, int port) {
        this(dataDir, jdbcUrl, port, DEFAULT_DB_POOL_SIZE);
    }
}
