package dev.tillsync.server;

import dev.tillsync.server.admin.ServerAdmin;
import dev.tillsync.server.console.ConsoleRoutes;
import dev.tillsync.server.db.Database;
import dev.tillsync.server.http.HttpApi;
import dev.tillsync.core.tls.CertificateFingerprint;
import dev.tillsync.server.tls.HttpsConnector;
import dev.tillsync.server.tls.ServerCertificate;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Optional;
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
    private final ServerCertificate certificate;

    private TillServer(Database db, Services services, Javalin http, ServerCertificate certificate) {
        this.db = db;
        this.services = services;
        this.http = http;
        this.admin = new ServerAdmin(services);
        this.certificate = certificate;
    }

    public static TillServer start(ServerOptions options) throws Exception {
        Path dataDir = options.dataDir() == null ? ServerMain.defaultDataDir() : options.dataDir();
        // checked before the database opens: a bad certificate stops the start with nothing touched
        ServerCertificate cert = options.tls() == null ? null : ServerCertificate.forOptions(options.tls(), dataDir);
        Database db = Database.openForServer(dataDir, options.jdbcUrl(), options.dbPoolSize());
        try {
            Services services = Services.over(db.jdbi(), options.postedTimes());
            ConsoleRoutes console = new ConsoleRoutes(services, cert == null ? Optional.empty() : Optional.of(cert.fingerprint()));
            Javalin http = new HttpApi(services, db.outage(), options.minSyncProtocol()).create(console::register, cfg -> {
                if (cert != null) HttpsConnector.configure(cfg, cert, "0.0.0.0", options.port());
            });
            http.start("0.0.0.0", options.port());
            log.info("tillsync server listening on port {}{}", http.port(), cert == null ? "" : " (HTTPS)");
            return new TillServer(db, services, http, cert);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return scheme() + "://127.0.0.1:" + port();
    }

    /** "https" when the server runs TLS (and then only HTTPS), else "http". */
    public String scheme() {
        return certificate == null ? "http" : "https";
    }

    /** The certificate's fingerprint when the server runs TLS: what tills pin. */
    public Optional<CertificateFingerprint> certificateFingerprint() {
        return certificate == null ? Optional.empty() : Optional.of(certificate.fingerprint());
    }

    public Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    public ServerAdmin admin() {
        return admin;
    }

    public DataSource dataSource() {
        return db.dataSource();
    }

    /** The JDBC URL of the server's database (an admin command given it as --db works on the same data). */
    public String jdbcUrl() {
        return db.jdbcUrl();
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
