package dev.tillsync.terminal.store;

import dev.tillsync.terminal.TerminalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The device's SQLite file: WAL, synchronous=FULL (a commit is on disk before it returns, invariant 1),
 * foreign keys on, a busy timeout so the CLI and a long-running engine can share it, and write
 * transactions that take the write lock up front (BEGIN IMMEDIATE) so they never fail half-way on upgrade.
 */
public final class TerminalStore implements AutoCloseable {
    public static final String FILE_NAME = "terminal.db";
    private static final int BUSY_TIMEOUT_MS = 15_000;

    private final Path dataDir;
    private final Path file;
    private final Jdbi jdbi;

    private TerminalStore(Path dataDir, Path file, Jdbi jdbi) {
        this.dataDir = dataDir;
        this.file = file;
        this.jdbi = jdbi;
    }

    /** Opens (creating and migrating when needed) the store in {@code dataDir}. */
    public static TerminalStore open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TerminalException("data_dir_unusable", "Cannot create the data folder " + dir + ": " + e.getMessage()
                    + ". Choose a writable folder with --data.", e);
        }
        if (!Files.isDirectory(dir)) {
            throw new TerminalException("data_dir_unusable", dir + " is not a folder. Choose a folder with --data.");
        }
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new TerminalException("data_dir_read_only", "The data folder " + dir + " (or its " + FILE_NAME
                    + ") is read-only: the terminal cannot record anything there. Fix the permissions or choose another folder with --data.");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("PRAGMA quick_check");
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/terminal").load().migrate();
        } catch (FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            if (root instanceof SQLException se) throw StoreErrors.translate(file, se);
            throw new TerminalException("store_migration_failed", "The terminal store " + file + " could not be prepared: "
                    + e.getMessage(), e);
        }
        Jdbi jdbi = Jdbi.create(ds);
        return new TerminalStore(dir, file, jdbi);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return file;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs {@code work} in one write transaction (all or nothing), translating SQLite failures into clear errors. */
    public <R> R inTx(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, work);
        } catch (TerminalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(file, e);
        }
    }

    /** Runs a read on one handle. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (TerminalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(file, e);
        }
    }

    public void useTx(java.util.function.Consumer<Handle> work) {
        inTx(h -> {
            work.accept(h);
            return null;
        });
    }

    @Override
    public void close() {
        // Connections are opened per use; nothing is held between calls.
    }
}
