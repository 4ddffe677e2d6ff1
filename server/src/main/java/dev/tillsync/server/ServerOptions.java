package dev.tillsync.server;

import dev.tillsync.server.ingest.PostedTimeCheck;
import java.nio.file.Path;

/**
 * How to start a server.
 *
 * @param dataDir     data folder (embedded PostgreSQL files under {@code dataDir/pg}, and the folder lock)
 * @param jdbcUrl     an external PostgreSQL, or null for the embedded one
 * @param port        HTTP port, 0 for any free port
 * @param postedTimes how far an invoice's posted time may be after the server's clock, or before the device's previous
 *                    invoice, before it is flagged for review (default 10 min and 1 h)
 */
public record ServerOptions(Path dataDir, String jdbcUrl, int port, PostedTimeCheck.Tolerances postedTimes) {
    public ServerOptions(Path dataDir, String jdbcUrl, int port) {
        this(dataDir, jdbcUrl, port, PostedTimeCheck.Tolerances.DEFAULTS);
    }

    public ServerOptions withPostedTimes(PostedTimeCheck.Tolerances t) {
        return new ServerOptions(dataDir, jdbcUrl, port, t);
    }
}
