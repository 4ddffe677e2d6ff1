package dev.tillsync.server;

import dev.tillsync.server.admin.ServerAdmin;
import dev.tillsync.server.console.ConsoleRoutes;
import dev.tillsync.server.db.Database;
import dev.tillsync.server.http.HttpApi;
import io.javalin.Javalin;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running back office: database (migrated) plus HTTP API. Stateless over PostgreSQL, so several
 * instances may serve one database.
 */
public final class TillServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TillServer.class);

    private final Database db;
    private final Services services;
    private final Javalin http;
    private final ServerAdmin admin;

    private TillServer(Database db, Services services, Javalin http) {
        this.db = db;
        this.services = services;
        this.http = http;
        this.admin = new ServerAdmin(services);
    }

    public static TillServer start(ServerOptions options) throws Exception {
        Path dataDir = options.dataDir() == null ? ServerMain.defaultDataDir() : options.dataDir();
        Database db = Database.openForServer(dataDir, options.jdbcUrl(), options.dbPoolSize());
        try {
            Services services = Services.over(db.jdbi(), options.postedTimes());
            ConsoleRoutes console = new ConsoleRoutes(services);
            Javalin http = new HttpApi(services).create(console::register);
            http.start("0.0.0.0", options.port());
            log.info("tillsync server listening on port {}", http.port());
            return new TillServer(db, services, http);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public ServerAdmin admin() {
        return admin;
    }

    public DataSource dataSource() {
        return db.dataSource();
    }

    /** The services behind the API, for tests and in-process tools. */
    public Services services() {
        return services;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            db.close();
        }
    }
}
