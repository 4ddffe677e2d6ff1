package dev.tillsync.server;

import java.nio.file.Path;

/**
 * How to start a server.
 *
 * @param dataDir data folder (embedded PostgreSQL files under {@code dataDir/pg}, and the folder lock)
 * @param jdbcUrl an external PostgreSQL, or null for the embedded one
 * @param port    HTTP port, 0 for any free port
 */
public record ServerOptions(Path dataDir, String jdbcUrl, int port) {}
