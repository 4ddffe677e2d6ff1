package dev.tillsync.reliability.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.check.TerminalLedger;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.reliability.support.SharedEnv;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.TerminalException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The terminal's SQLite store on a real file under damage: its durability settings, a corrupted file, a lock held by
 * another program, a read-only folder and a full database. Each time: a clear error, nothing silently lost, and no
 * sale recorded into a broken store.
 */
class StoreDurabilityTest {
    @TempDir
    static Path shared;
    static Path linked;

    /** One linked and loaded data folder; each test works on a fresh copy of it. */
    @BeforeAll
    static void link() {
        var s = SharedEnv.server();
        DemoDevices.NewDevice d = DemoDevices.create(s, "STORE", 50);
        linked = shared.resolve("linked");
        try (PosTerminal pos = PosTerminal.open(linked)) {
            pos.link(s.baseUrl(), d.linkCode(), "store test");
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            pos.openShift(10_000, null);
            pos.recordSale(SaleScript.request(pos, new SaleScript(1).next()));
        }
    }

    private static Path copy(Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(linked)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static SaleRequest aSale(PosTerminal pos) {
        return SaleScript.request(pos, new SaleScript(2).next());
    }

    private static Object pragma(Path db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("pragma " + name)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @Test
    void theRealStoreIsWalWithFullSyncAndForeignKeys(@TempDir Path dir) throws Exception {
        Path data = copy(dir.resolve("t"));
        Path db = data.resolve("terminal.db");
        assertThat(String.valueOf(pragma(db, "journal_mode"))).isEqualToIgnoringCase("wal"); // persistent in the file
        // synchronous and foreign_keys are per connection: read them on the engine's own connections.
        try (PosTerminal pos = PosTerminal.open(data)) {
            assertThat(pos.status().posId()).isNotNull();
        }
        var store = dev.tillsync.terminal.store.TerminalStore.open(data);
        try (var h = store.jdbi().open()) {
            assertThat(h.createQuery("pragma journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
            assertThat(h.createQuery("pragma synchronous").mapTo(Integer.class).one()).isEqualTo(2);
            assertThat(h.createQuery("pragma foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptedFileIsRefusedClearlyAndNotOverwritten(@TempDir Path dir) throws Exception {
        Path data = copy(dir.resolve("t"));
        Path db = data.resolve("terminal.db");
        // Checkpoint the WAL into the file first, so the damage hits real pages.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("pragma wal_checkpoint(TRUNCATE)");
        }
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            new java.util.Random(7).nextBytes(junk);
            for (long at = 4096; at + junk.length <= size; at += 3 * 4096) {
                f.seek(at);
                f.write(junk);
            }
        }
        byte[] damaged = Files.readAllBytes(db);
        assertThatThrownBy(() -> {
            try (PosTerminal pos = PosTerminal.open(data)) {
                pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
                pos.recordSale(aSale(pos));
            }
        }).isInstanceOfSatisfying(TerminalException.class, e -> {
            assertThat(e.code()).isIn("store_corrupt", "store_migration_failed", "store_error");
            assertThat(e.getMessage()).contains("terminal.db");
        });
        assertThat(Files.readAllBytes(db)).as("the damaged file is left for recovery, not replaced").isEqualTo(damaged);
    }

    @Test
    void garbageInsteadOfADatabaseIsRefused(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("t"));
        Files.write(data.resolve("terminal.db"), "this is not a database, it is a shopping list".repeat(200).getBytes());
        assertThatThrownBy(() -> PosTerminal.open(data).close())
                .isInstanceOfSatisfying(TerminalException.class, e -> assertThat(e.code()).isEqualTo("store_corrupt"));
    }

    @Test
    void aStoreLockedByAnotherProgramRefusesTheSaleAndLosesNothing(@TempDir Path dir) throws Exception {
        Path data = copy(dir.resolve("t"));
        TerminalLedger ledger = new TerminalLedger(data);
        long before = ledger.outbox().rows();
        try (PosTerminal pos = PosTerminal.open(data)) {
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            SaleRequest sale = aSale(pos);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("terminal.db")); Statement st = other.createStatement()) {
                st.execute("begin exclusive");
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> pos.recordSale(sale)).isInstanceOfSatisfying(TerminalException.class,
                        e -> assertThat(e.code()).isEqualTo("store_busy"));
                assertThat((System.nanoTime() - t0) / 1_000_000).as("waited for the busy timeout, then gave up").isGreaterThan(1_000);
                st.execute("ROLLBACK");
            }
            assertThat(ledger.outbox().rows()).as("nothing written while locked").isEqualTo(before);
            pos.recordSale(sale);
            assertThat(ledger.outbox().rows()).as("sells again once the lock is gone").isEqualTo(before + 1);
        }
    }

    @Test
    void aReadOnlyDataFolderIsRefusedBeforeSelling(@TempDir Path dir) throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: file permissions do not stop root from writing, so a read-only folder cannot be simulated; "
                        + "see aStoreOpenedReadOnlyBySqliteRefusesToSell for the engine-level check");
        Path data = copy(dir.resolve("t"));
        assertThat(data.resolve("terminal.db").toFile().setReadOnly()).isTrue();
        assertThat(data.toFile().setReadOnly()).isTrue();
        try {
            assertThatThrownBy(() -> PosTerminal.open(data).close()).isInstanceOfSatisfying(TerminalException.class,
                    e -> assertThat(e.code()).isEqualTo("data_dir_read_only"));
        } finally {
            data.toFile().setWritable(true);
            data.resolve("terminal.db").toFile().setWritable(true);
        }
    }

    @Test
    void aStoreOpenedReadOnlyBySqliteRefusesToSell(@TempDir Path dir) throws Exception {
        // What a read-only medium does to the engine, independent of who runs the test: SQLite's own read-only mode.
        Path data = copy(dir.resolve("t"));
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("terminal.db"), cfg.toProperties());
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update counter set value = value + 1 where name = 'invoice'"))
                    .hasMessageContaining("SQLITE_READONLY");
        }
    }

    @Test
    void aFullDatabaseRollsBackTheWholeTransactionWithAClearError(@TempDir Path dir) throws Exception {
        // SQLite's max_page_count (per connection) set inside one engine transaction: the engine's own translation
        // and rollback of a real SQLITE_FULL, without needing a small filesystem.
        Path data = copy(dir.resolve("t"));
        TerminalLedger ledger = new TerminalLedger(data);
        long rows = ledger.outbox().rows();
        var store = dev.tillsync.terminal.store.TerminalStore.open(data);
        assertThatThrownBy(() -> store.inTx(h -> {
            h.execute("update counter set value = value + 1 where name = 'invoice'");
            long pages = h.createQuery("pragma page_count").mapTo(Long.class).one();
            h.execute("pragma max_page_count = " + pages);
            h.execute("create table filler as with recursive n(i) as (select 1 union all select i + 1 from n limit 100000) select i, randomblob(200) as b from n");
            return null;
        })).isInstanceOfSatisfying(TerminalException.class, e -> {
            assertThat(e.code()).isEqualTo("disk_full");
            assertThat(e.getMessage()).contains("nothing was recorded");
        });
        assertThat(ledger.outbox().rows()).isEqualTo(rows);
        try (PosTerminal pos = PosTerminal.open(data)) {
            pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            String next = pos.recordSale(aSale(pos)).number();
            assertThat(next).as("the counter bump of the failed transaction was rolled back").endsWith("000002");
        }
    }

    @Test
    void aFullDiskRefusesToSellAndLosesNothing(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tiny"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        boolean mounted = p.waitFor() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root with mount rights): "
                + new String(p.getInputStream().readAllBytes()).strip());
        try {
            Path data = copy(mount.resolve("t"));
            TerminalLedger ledger = new TerminalLedger(data);
            Map<String, Long> before = ledger.invoiceTotals();
            int confirmed = 0;
            try (PosTerminal pos = PosTerminal.open(data)) {
                pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
                SaleRequest sale = aSale(pos);
                Path filler = mount.resolve("filler");
                try (var out = Files.newOutputStream(filler)) {
                    byte[] mb = new byte[64 * 1024];
                    while (true) out.write(mb);
                } catch (java.io.IOException diskFull) {
                    // the disk is now full
                }
                int refused = 0;
                for (int i = 0; i < 5; i++) {
                    try {
                        pos.recordSale(sale);
                        confirmed++;
                    } catch (TerminalException e) {
                        refused++;
                        assertThat(e.code()).isIn("disk_full", "store_io_error");
                        assertThat(e.getMessage()).contains("nothing was recorded");
                    }
                }
                assertThat(refused).as("sales refused on a full disk").isPositive();
                Files.delete(filler);
                assertThat(pos.recordSale(sale).number()).isNotBlank();
                confirmed++;
            }
            Map<String, Long> after = ledger.invoiceTotals();
            assertThat(after).containsAllEntriesOf(before);
            assertThat(ledger.outbox().gapFree()).isTrue();
            assertThat(after.size() - before.size()).as("exactly the confirmed sales exist, none half-written").isEqualTo(confirmed);
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
    }
}
