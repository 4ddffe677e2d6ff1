package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.report.Reconciliation;
import dev.tillsync.server.report.SyncStatusReport;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.Cli.Run;
import dev.tillsync.terminal.support.SharedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till whose data folder was copied back from an earlier state (a restored backup) re-uses sequence and invoice
 * numbers the server already holds: through the real CLI against a real server, its new sales still arrive.
 */
class RestoredBackupTest {
    @TempDir
    Path dir;
    @TempDir
    Path backup;

    Run run(String... args) {
        return Cli.run(dir, args);
    }

    @Test
    void aTillRestoredFromAnOlderCopyMovesItsCountersOnAndDeliversItsNewSalesRenumbered() throws Exception {
        SharedServer.Device d = SharedServer.newDevice(50);
        String series = d.posId() + "-";
        assertThat(run("link", "--server", SharedServer.get().baseUrl(), "--code", d.code()).exit()).isZero();
        assertThat(run("login", "--user", "amira@demo.shop", "--pin", "1234").exit()).isZero();
        assertThat(run("shift", "open", "--float", "100").exit()).isZero();
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:100").out()).contains(series + "000001");
        copy(dir, backup); // the copy a restore will bring back: shift and sale 1 not yet synced
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:100").out()).contains(series + "000002");
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:100").out()).contains(series + "000003");
        Run first = run("sync");
        assertThat(first.exit()).as(first.err() + first.out()).isZero();
        assertThat(SharedServer.serverInvoices(d.posId())).isEqualTo(3);

        restore(backup, dir);
        // The cashier sees normal receipts, numbered as the old copy counts.
        assertThat(run("sell", "--item", "ITEM-0002", "--pay", "Cash:100").out()).contains(series + "000002");
        assertThat(run("sell", "--item", "ITEM-0002", "--pay", "Cash:100").out()).contains(series + "000003");

        Run sync = run("sync");
        assertThat(sync.exit()).as(sync.err() + sync.out()).isZero();
        // Nothing on the server was overwritten, and both new sales arrived under new numbers.
        assertThat(SharedServer.serverInvoices(d.posId())).isEqualTo(5);
        assertThat(run("history", "--status", "failed", "--json").out().trim()).isEqualTo("[ ]");
        assertThat(run("status", "--no-probe").out()).contains("Last error:   -");
        assertThat(count("select count(*) from event_log where type = 'counters_moved'")).isEqualTo(1);

        // The back office sees both collisions, with both versions, flagged for review, and the renumbered invoices.
        SyncStatusReport.Report status = SharedServer.get().services().syncStatus().forDevice(d.posId(), null);
        assertThat(status.collisions()).hasSize(2).allSatisfy(c -> {
            assertThat(c.code()).isEqualTo("seq_conflict");
            assertThat(c.existingUuid()).isNotNull().isNotEqualTo(c.uuid());
            assertThat(c.payload()).contains("ITEM-0002");
            assertThat(c.resentSeq()).isNotNull();
        });
        assertThat(status.rows()).filteredOn(e -> e.review() && String.join(" ", e.reviewReasons()).contains("receipt as " + series + "000002"))
                .singleElement().satisfies(e -> assertThat(e.number()).isEqualTo(series + "000004"));
        assertThat(status.rows()).filteredOn(e -> e.review() && String.join(" ", e.reviewReasons()).contains("receipt as " + series + "000003"))
                .singleElement().satisfies(e -> assertThat(e.number()).isEqualTo(series + "000005"));
        Reconciliation.DeviceLine recon = SharedServer.get().services().reconciliation().report(d.posId(), null, null).devices().get(0);
        assertThat(recon.collisions()).hasSize(2);
        assertThat(recon.flagged()).hasSizeGreaterThanOrEqualTo(2);

        // The next sale takes a number past everything the server holds, and goes through as usual.
        assertThat(run("sell", "--item", "ITEM-0001", "--pay", "Cash:100").out()).contains(series + "000006");
        Run after = run("sync");
        assertThat(after.exit()).as(after.err() + after.out()).isZero();
        assertThat(after.out()).contains("failed 0");
        assertThat(SharedServer.serverInvoices(d.posId())).isEqualTo(6);
    }

    @Test
    void statusShowsTheLastErrorWhileAnyRowIsFailed() throws Exception {
        dev.tillsync.terminal.support.LocalDevice.prepare(dir);
        run("login", "--user", "amira@demo.shop", "--pin", "1234");
        run("shift", "open", "--float", "0");
        run("sell", "--item", "ITEM-0001", "--pay", "Cash:5");
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> h.execute("""
                    update outbox set status = 'Failed', reason_code = 'seq_conflict', reason = 'Sequence 2 was already received.'
                    where seq = 2"""));
        }
        assertThat(run("status", "--no-probe").out()).contains("Last error:").contains("seq_conflict")
                .doesNotContain("Last error:   -");
    }

    long count(String sql) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            return s.read(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    private static void restore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(to)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(to)) Files.delete(p);
        }
        copy(from, to);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
