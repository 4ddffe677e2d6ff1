package dev.tillsync.terminal;

import static dev.tillsync.terminal.SaleRecordingTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.support.MutableClock;
import dev.tillsync.terminal.user.TillUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndUsersTest {
    @TempDir
    Path dir;

    @Test
    void storeRunsInWalWithFullSynchronousAndForeignKeysAndIsMigratedByFlyway() throws Exception {
        try (TerminalStore s = TerminalStore.open(dir)) {
            assertThat((String) s.read(h -> h.createQuery("pragma journal_mode").mapTo(String.class).one())).isEqualToIgnoringCase("wal");
            assertThat((Integer) s.read(h -> h.createQuery("pragma synchronous").mapTo(Integer.class).one())).isEqualTo(2); // FULL
            assertThat((Integer) s.read(h -> h.createQuery("pragma foreign_keys").mapTo(Integer.class).one())).isEqualTo(1);
            java.util.List<String> versions = s.read(h -> h.createQuery("select version from flyway_schema_history where success = 1 order by installed_rank")
                    .mapTo(String.class).list());
            assertThat(versions).startsWith("1", "2", "3", "4", "5", "6", "7", "8").contains("10");
            // While open, the store and its -wal/-shm are the till user's only, and so is the folder.
            Set<PosixFilePermission> rw = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            for (String f : java.util.List.of("terminal.db", "terminal.db-wal", "terminal.db-shm")) {
                assertThat(Files.getPosixFilePermissions(dir.resolve(f))).as(f).isEqualTo(rw);
            }
            assertThat(Files.getPosixFilePermissions(dir)).allMatch(b -> b.name().startsWith("OWNER_"));
        }
        LocalDevice.prepare(dir);
        assertThat(Files.getPosixFilePermissions(dir.resolve("device.secret")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void eventLogIsAppendOnly() {
        LocalDevice.prepare(dir);
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> dev.tillsync.terminal.store.EventLog.append(h, Instant.now(), "test", null, null));
            assertCode(() -> s.useTx(h -> h.execute("delete from event_log")), "store_error");
            assertCode(() -> s.useTx(h -> h.execute("update event_log set type = 'x'")), "store_error");
        }
    }

    @Test
    void aStoreOfTheFirstReleaseKeepsItsEventLogThroughTheMigration() {
        // A store as the first release left it (schema version 1), with two events.
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve(TerminalStore.FILE_NAME), null, null)
                .locations("classpath:db/terminal").target("1").load().migrate();
        org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + dir.resolve(TerminalStore.FILE_NAME)).useHandle(h -> {
            h.execute("insert into event_log (at, type, ref, detail) values ('2026-01-01T00:00:00Z', 'sale', 'A-1', 'first')");
            h.execute("insert into event_log (at, type, ref, detail) values ('2026-01-01T00:01:00Z', 'sale', 'A-2', 'second')");
        });
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> dev.tillsync.terminal.store.EventLog.append(h, Instant.parse("2026-01-01T00:02:00Z"), "test", "A-3", null));
            java.util.List<dev.tillsync.terminal.LogEntry> events = s.read(h -> dev.tillsync.terminal.store.EventLog.list(h, 10));
            assertThat(events).extracting(e -> e.id() + ":" + e.ref()).containsExactly("3:A-3", "2:A-2", "1:A-1");
            assertCode(() -> s.useTx(h -> h.execute("delete from event_log")), "store_error");
            String index = s.read(h -> h.createQuery("select sql from sqlite_master where name = 'invoice_return_against'").mapTo(String.class).one());
            assertThat(index).contains("WHERE return_against IS NOT NULL");
        }
    }

    @Test
    void corruptedStoreIsReportedClearly() throws Exception {
        Files.writeString(dir.resolve(TerminalStore.FILE_NAME), "this is not a database, just text that is long enough to be read as a header........");
        assertCode(() -> PosTerminal.open(dir), "store_corrupt");
    }

    @Test
    void readOnlyDataFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        LocalDevice.prepare(dir);
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        try {
            if (Files.isWritable(dir)) return; // running as root: permissions do not bind, nothing to test here
            assertCode(() -> PosTerminal.open(dir), "data_dir_read_only");
        } finally {
            Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        }
    }

    @Test
    void fiveWrongPinsLockTheUserForLongerEachTimeEvenAcrossRestartsUntilARightPin() {
        LocalDevice.prepare(dir);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
        TerminalOptions opts = TerminalOptions.defaults().withClock(clock);
        try (PosTerminal pos = PosTerminal.open(dir, opts)) {
            for (int i = 0; i < 4; i++) assertCode(() -> pos.login("amira@demo.shop", "0000"), "wrong_pin");
        }
        try (PosTerminal pos = PosTerminal.open(dir, opts)) {
            TerminalException fifth = assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "0000"));
            assertThat(fifth.code()).isEqualTo("user_locked");
            assertThat(fifth.getMessage()).startsWith("Too many wrong PINs; try again in 30 s.");
            TerminalException right = assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "1234")); // right PIN, still locked
            assertThat(right.getMessage()).startsWith("Too many wrong PINs; try again in 30 s.");
            clock.advance(Duration.ofSeconds(20));
            assertThat(assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "1234")).getMessage())
                    .startsWith("Too many wrong PINs; try again in 10 s.");
            clock.advance(Duration.ofSeconds(11));
            // The lock ended; five more wrong PINs lock for twice as long.
            for (int i = 0; i < 4; i++) assertCode(() -> pos.login("amira@demo.shop", "0000"), "wrong_pin");
            assertThat(assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "0000")).getMessage())
                    .startsWith("Too many wrong PINs; try again in 60 s.");
        }
        try (PosTerminal pos = PosTerminal.open(dir, opts)) {
            assertThat(assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "1234")).getMessage())
                    .as("the lock survives a restart").startsWith("Too many wrong PINs; try again in 60 s.");
            clock.advance(Duration.ofSeconds(61));
            assertThat(pos.login("amira@demo.shop", "1234").email()).isEqualTo("amira@demo.shop");
            pos.logout();
            // The right PIN reset the history: the next lock is 30 s again.
            for (int i = 0; i < 4; i++) assertCode(() -> pos.login("amira@demo.shop", "0000"), "wrong_pin");
            assertThat(assertThrows(TerminalException.class, () -> pos.login("amira@demo.shop", "0000")).getMessage())
                    .startsWith("Too many wrong PINs; try again in 30 s.");
            assertCode(() -> pos.login("nobody@demo.shop", "1234"), "unknown_user");
        }
        assertThat(TillUsers.lockFor(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TillUsers.lockFor(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(TillUsers.lockFor(30)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void sessionPersistsUntilLogoutAndFlagsAreEnforced() {
        LocalDevice.prepare(dir);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("ben@demo.shop", "5678");
        }
        try (PosTerminal pos = PosTerminal.open(dir)) {
            assertThat(pos.currentUser()).map(UserSession::email).contains("ben@demo.shop");
            assertThat(pos.can(Permission.REPRINT)).isFalse();
            assertCode(() -> pos.export(dir.resolve("x.tsx"), ExportRange.unsynced()), "not_permitted");
            assertCode(() -> pos.exportEventLog(dir.resolve("log.jsonl")), "not_permitted");
            assertCode(() -> pos.reprint("POS-0001-000001"), "not_permitted");
            assertCode(() -> pos.setPrinterTarget("/tmp/x"), "not_permitted");
            assertCode(() -> pos.setServerUrl("http://example.org"), "not_permitted");
            pos.logout();
            assertThat(pos.currentUser()).isEmpty();
            assertCode(() -> pos.openShift(0, null), "not_logged_in");
            pos.login("amira@demo.shop", "1234");
            pos.openShift(0, null);
            SaleReceipt r = pos.recordSale(new SaleRequest(java.util.List.of(new SaleItem("ITEM-0001", 1)), null,
                    java.util.List.of(new dev.tillsync.core.invoice.Payment("Cash", 200, null))));
            SaleReceipt again = pos.reprint(r.number());
            assertThat(again.text()).contains("REPRINT");
            assertThat(again.escposPath().getFileName().toString()).contains("reprint");
            pos.setPrinterTarget(dir.resolve("printer.bin").toString());
            assertThat(pos.reprint(r.number()).escposPath()).isEqualTo(dir.resolve("printer.bin"));
        }
    }

    @Test
    void anApprovalChecksThePinAndTheFlagWithoutLoggingTheApproverIn() {
        LocalDevice.prepare(dir);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("ben@demo.shop", "5678");
            assertCode(() -> pos.approve("ben@demo.shop", "5678", "x"), "not_permitted"); // no flag
            assertCode(() -> pos.approve("amira@demo.shop", "0000", "x"), "wrong_pin");
            assertCode(() -> pos.approve("nobody@demo.shop", "1234", "x"), "unknown_user");
            assertThat(pos.approve("amira@demo.shop", "1234", "ben sells on amira's shift"))
                    .isEqualTo("amira@demo.shop");
            assertThat(pos.currentUser()).map(UserSession::email).contains("ben@demo.shop");
            assertThat(pos.events(5)).first().satisfies(e -> assertThat(e.type() + " " + e.ref() + " " + e.detail())
                    .isEqualTo("approval amira@demo.shop ben sells on amira's shift"));
        }
    }

    @Test
    void aCountShowsTheDifferenceWithoutClosingAndTheCloseKeepsTheReason() {
        LocalDevice.prepare(dir);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("amira@demo.shop", "1234");
            pos.openShift(10_000, null);
            ShiftCloseReport count = pos.countShift(3_000);
            assertThat(count.expectedCashMinor()).isEqualTo(10_000);
            assertThat(count.differenceMinor()).isEqualTo(-7_000);
            assertThat(pos.currentShift()).as("a count closes nothing").isPresent();
            assertCode(() -> pos.countShift(-1), "bad_amount");
            pos.closeShift(3_000, "  float taken to the bank ");
            assertThat(pos.currentShift()).isEmpty();
            assertThat(pos.events(5)).first().satisfies(e -> assertThat(e.detail())
                    .isEqualTo("expected=10000 counted=3000 reason=float taken to the bank"));
            assertCode(() -> pos.countShift(0), "no_open_shift");
        }
    }
}
