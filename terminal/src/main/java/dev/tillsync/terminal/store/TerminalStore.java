package dev.tillsync.terminal.store;

import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.TerminalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The device's SQLite file: WAL, synchronous=FULL (a commit is on disk before it returns, invariant 1),
 * foreign keys on, a busy timeout so the CLI and a long-running engine can share it, and write
 * transactions that take the write lock up front (BEGIN IMMEDIATE) so they never fail half-way on upgrade.
 * The connections are kept open for the life of the store (reopened after a failure), so a sale does not pay
 * for opening SQLite, re-reading the schema and preparing its statements every time.
 */
public final class TerminalStore implements AutoCloseable {
    public static final String FILE_NAME = "terminal.db";
    private static final int BUSY_TIMEOUT_MS = 15_000;

    private final Path dataDir;
    private final Path file;
    private final Jdbi jdbi;
    // Writes (and reads made inside them) on one connection, other reads on another: SQLite in WAL mode has one
    // writer and concurrent readers. The facade is used from the UI, sync and connectivity threads at once.
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Kept writer = new Kept();
    private final Kept reader = new Kept();
    private int txDepth; // guarded by writeLock
    private final FolderLock folderLock; // null when opened without a claim (tests, tools, benchmarks)

    private TerminalStore(Path dataDir, Path file, Jdbi jdbi, FolderLock folderLock) {
        this.dataDir = dataDir;
        this.file = file;
        this.jdbi = jdbi;
        this.folderLock = folderLock;
    }

    /** Opens (creating and migrating when needed) the store in {@code dataDir}, without taking the folder lock. */
    public static TerminalStore open(Path dataDir) {
        return open(dataDir, null);
    }

    /**
     * Opens the store holding the folder lock for {@code claim} until {@link #close()} (see {@link FolderLock}): the
     * CLI and the desktop open this way, so a second process on the folder is refused with the name of the first.
     */
    public static TerminalStore open(Path dataDir, FolderClaim claim) {
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
        try {
            OwnerOnly.restrict(dir, file, DeviceRepo.SECRET_FILE);
        } catch (IOException e) {
            throw new TerminalException("data_dir_unusable", "Cannot make the data folder " + dir + " readable by this user only: "
                    + e.getMessage() + ". Fix its owner or choose another folder with --data.", e);
        }
        FolderLock lock = claim == null ? null : FolderLock.acquire(dir, claim);
        try {
            return new TerminalStore(dir, file, openSqlite(file), lock);
        } catch (RuntimeException | Error e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    private static Jdbi openSqlite(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // 16 MB of page cache per connection instead of SQLite's 2 MB: a terminal back from a long offline spell
        // settles every line sold meanwhile in one pull (100,000 lines are ~40 MB of pages); with 2 MB each page
        // was read from the file again and again. The memory is taken only as pages are used.
        cfg.setCacheSize(-16 * 1024);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("pragma quick_check");
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
        return Jdbi.create(ds);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return file;
    }

    /**
     * A Jdbi that opens a fresh connection (same pragmas) per handle: for tools and checks that want their own
     * connection. The engine's own work goes through {@link #inTx} and {@link #read}, on the kept connections.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs {@code work} in one write transaction (all or nothing), translating SQLite failures into clear errors.
     * The transaction is BEGIN IMMEDIATE: it takes the write lock up front (waiting up to the busy timeout for
     * another program), so it never fails half-way on a lock upgrade. A call made inside another on the same
     * thread joins the outer transaction.
     */
    public <R> R inTx(HandleCallback<R, RuntimeException> work) {
        writeLock.lock();
        try {
            if (txDepth > 0) return work.withHandle(writer.handle());
            Handle h = writer.handle();
            h.execute("begin immediate");
            txDepth++;
            try {
                R result = work.withHandle(h);
                h.execute("commit");
                return result;
            } catch (RuntimeException | Error e) {
                rollback(h);
                throw e;
            } finally {
                txDepth--;
            }
        } catch (TerminalException e) {
            throw e;
        } catch (RuntimeException e) {
            if (txDepth == 0) writer.drop();
            throw StoreErrors.translate(file, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a read on the reader connection (WAL: readers never wait for the writer), or inside the caller's
     * transaction when this thread is in one.
     */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (writeLock.isHeldByCurrentThread()) return onWriter(work);
        readLock.lock();
        try {
            return work.withHandle(reader.handle());
        } catch (TerminalException e) {
            throw e;
        } catch (RuntimeException e) {
            reader.drop();
            throw StoreErrors.translate(file, e);
        } finally {
            readLock.unlock();
        }
    }

    private <R> R onWriter(HandleCallback<R, RuntimeException> work) {
        try {
            return work.withHandle(writer.handle());
        } catch (TerminalException e) {
            throw e;
        } catch (RuntimeException e) {
            if (txDepth == 0) writer.drop();
            throw StoreErrors.translate(file, e);
        }
    }

    public void useTx(java.util.function.Consumer<Handle> work) {
        inTx(h -> {
            work.accept(h);
            return null;
        });
    }

    /** A failed rollback leaves the connection's state unknown: drop it, the next call reconnects. */
    private void rollback(Handle h) {
        try {
            h.execute("rollback");
        } catch (RuntimeException e) {
            writer.drop();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.drop();
        } finally {
            writeLock.unlock();
        }
        readLock.lock();
        try {
            reader.drop();
        } finally {
            readLock.unlock();
        }
        if (folderLock != null) folderLock.close();
    }

    /**
     * One connection kept open across calls (pragmas applied once, statements prepared once), opened on
     * first use and again after a failure dropped it. Used only under its lock.
     */
    private final class Kept {
        private Handle handle;

        Handle handle() {
            if (handle == null) {
                Handle h = jdbi.open();
                h.setStatementBuilder(new StatementCache());
                handle = h;
            }
            return handle;
        }

        void drop() {
            Handle h = handle;
            handle = null;
            if (h == null) return;
            try {
                h.getStatementBuilder().close(h.getConnection());
                h.close();
            } catch (RuntimeException ignored) {
                // the connection is being given up because it failed; closing it may fail too
            }
        }
    }
}
