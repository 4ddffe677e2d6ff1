package dev.tillsync.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded PostgreSQL + server for the whole test JVM, seeded with the demo data. */
final class SharedServer {
    private static TillServer server;

    private SharedServer() {}

    static synchronized TillServer get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("tillsync-server-test");
                server = TillServer.start(new ServerOptions(dir, null, 0));
                server.admin().seedDemo();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (Exception e) {
                throw new IllegalStateException("test server did not start", e);
            }
        }
        return server;
    }
}
