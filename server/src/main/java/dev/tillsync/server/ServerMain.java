package dev.tillsync.server;

import dev.tillsync.server.admin.AdminCommand;
import dev.tillsync.server.db.DataDirBusyException;
import dev.tillsync.server.ingest.PostedTimeCheck;
import dev.tillsync.server.refusal.Refusal;
import dev.tillsync.server.tls.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code bin/pos server [--port N] [--data DIR] [--db JDBC_URL] [--tls-cert FILE --tls-key FILE | --tls-self-signed]} and {@code bin/pos server admin ...}. */
@Command(name = "server", mixinStandardHelpOptions = true, subcommands = AdminCommand.class, version = "tillsync server 0.1",
        scope = ScopeType.INHERIT, // every admin command, however deep, answers --help
        description = "Runs the tillsync back office (HTTP API and web console over PostgreSQL).")
public final class ServerMain implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "data folder; the embedded PostgreSQL lives in DIR/pg (default ~/.tillsync/server)")
    Path data;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "use this PostgreSQL instead of the embedded one, e.g. jdbc:postgresql://host/db?user=u&password=p")
    String db;

    @Option(names = "--db-pool-size", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_DB_POOL_SIZE,
            description = "most PostgreSQL connections this server keeps open (default ${DEFAULT-VALUE}); "
                    + "several servers on one database: instances x N must stay below its max_connections")
    int dbPoolSize;

    @Option(names = "--posted-ahead-minutes", paramLabel = "MIN", defaultValue = "10",
            description = "flag for review an invoice posted more than MIN minutes after the server's clock (default ${DEFAULT-VALUE})")
    long postedAheadMinutes;

    @Option(names = "--posted-back-minutes", paramLabel = "MIN", defaultValue = "60",
            description = "flag for review an invoice posted more than MIN minutes before its device's previous invoice (default ${DEFAULT-VALUE})")
    long postedBackMinutes;

    @Option(names = "--min-sync-protocol", paramLabel = "N", defaultValue = "1",
            description = "the oldest till sync protocol this server serves (default ${DEFAULT-VALUE}: every release); older tills"
                    + " are told to update instead of syncing (docs/operations.md)")
    int minSyncProtocol;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "serve HTTPS (only) with this PEM certificate chain, the server's own certificate first; needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the unencrypted PKCS#8 PEM private key of --tls-cert")
    Path tlsKey;

    @Option(names = "--tls-self-signed",
            description = "serve HTTPS (only) with a self-signed certificate made once in DIR/tls and reused on restart; tills pin its fingerprint at link")
    boolean tlsSelfSigned;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ServerMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Refusal a) {
                cmd.getErr().println("error: " + a.getMessage() + " (" + a.code() + ")");
            } else if (e instanceof dev.tillsync.server.db.DatabaseBackup.BackupException b) {
                cmd.getErr().println("error [" + b.code() + "]: " + b.getMessage());
            } else if (e instanceof DataDirBusyException || e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
            } else {
                cmd.getErr().println("error: " + e);
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl;
    }

    public Path dataDir() {
        return data == null ? defaultDataDir() : data;
    }

    public String jdbcUrl() {
        return db;
    }

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".tillsync", "server");
    }

    @Override
    public Integer call() throws Exception {
        TlsOptions tls = TlsOptions.fromCommandLine(tlsCert, tlsKey, tlsSelfSigned);
        TillServer server = TillServer.start(new ServerOptions(dataDir(), db, port, dbPoolSize, new PostedTimeCheck.Tolerances(
                Duration.ofMinutes(postedAheadMinutes), Duration.ofMinutes(postedBackMinutes)), tls, minSyncProtocol));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("tillsync server stopping");
            server.close();
            stopped.countDown();
        }, "tillsync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("tillsync server listening on " + server.scheme() + "://0.0.0.0:" + server.port() + " (try " + server.baseUrl() + "/api/v1/health)");
        server.certificate().ifPresent(c -> System.out.println("TLS certificate: " + c.fingerprint() + " (" + c.source()
                + "); tills pin this fingerprint at link (the console's link-code page shows it)"));
        System.out.println("database: " + (db == null ? "embedded PostgreSQL in " + dataDir().resolve("pg").toAbsolutePath() : db));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
