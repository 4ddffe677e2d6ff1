package dev.tillsync.reliability.support;

import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.env.LocalPostgres;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.nio.file.Files;

/**
 * One embedded PostgreSQL per test JVM (the machine has two cores), and one demo-seeded in-process server
 * on its own database of it. Crash tests make further databases in the same PostgreSQL.
 */
public final class SharedEnv {
    private static LocalPostgres pg;
    private static TillServer server;
    private static String serverJdbcUrl;

    private SharedEnv() {}

    public static synchronized LocalPostgres postgres() {
        if (pg == null) {
            pg = LocalPostgres.start();
            LocalPostgres p = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(p::close));
        }
        return pg;
    }

    /** The shared demo-seeded back office (in-process, real HTTP). */
    public static synchronized TillServer server() {
        if (server == null) {
            try {
                serverJdbcUrl = postgres().newDatabase("shared");
                server = TillServer.start(new ServerOptions(Files.createTempDirectory("tillsync-rel-server"), serverJdbcUrl, 0));
                server.admin().seedDemo();
                TillServer s = server;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            } catch (Exception e) {
                throw new IllegalStateException("test server did not start", e);
            }
        }
        return server;
    }

    public static synchronized String serverJdbcUrl() {
        server();
        return serverJdbcUrl;
    }

    public static ServerLedger ledger() {
        return ServerLedger.over(server().dataSource());
    }
}
