package dev.tillsync.desktop;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.terminal.LinkResult;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A real back office (embedded PostgreSQL) with the demo catalogue and one terminal linked to it, with short
 * probe intervals so connectivity switches show within a second or two. The server can be stopped (the line
 * goes down) and started again on the same data folder and port.
 */
final class TillRig implements AutoCloseable {
    private final Path serverDir;
    private TillServer server;
    private final int port;
    final PosTerminal terminal;

    TillRig(Path root) throws Exception {
        serverDir = root.resolve("server");
        server = TillServer.start(new ServerOptions(serverDir, null, 0));
        port = server.port();
        server.admin().seedDemo();
        String code = server.admin().issueLinkCode("POS-0001");
        TerminalOptions fast = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(4), Duration.ofMillis(700),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));
        terminal = PosTerminal.open(root.resolve("terminal"), fast);
        LinkResult link = terminal.link(server.baseUrl(), code, "desktop test till");
        if (link.pullError() != null) throw new IllegalStateException("first pull failed: " + link.pullError());
    }

    /** The line goes down: the server process is gone. */
    void stopServer() {
        server.close();
        server = null;
    }

    void startServer() throws Exception {
        server = TillServer.start(new ServerOptions(serverDir, null, port));
    }

    TillServer server() {
        return server;
    }

    @Override
    public void close() {
        terminal.close();
        if (server != null) server.close();
    }
}
