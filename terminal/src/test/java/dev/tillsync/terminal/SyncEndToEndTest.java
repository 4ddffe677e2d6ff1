package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.support.LossyProxy;
import dev.tillsync.terminal.support.SharedServer;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal engine against a real TillServer on embedded PostgreSQL, through a loopback proxy the test controls. */
class SyncEndToEndTest {
    static LossyProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        proxy = new LossyProxy(SharedServer.get().port());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    static TerminalOptions fast() {
        return TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(10))
                .withIntervals(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(30));
    }

    PosTerminal linked(int rowsPerRequest) {
        proxy.down(false);
        SharedServer.Device d = SharedServer.newDevice(rowsPerRequest);
        PosTerminal pos = PosTerminal.open(dir, fast());
        LinkResult r = pos.link(proxy.url(), d.code(), "e2e");
        assertThat(r.pullError()).isNull();
        assertThat(r.changesPulled()).isGreaterThan(200);
        pos.login("amira@demo.shop", "1234");
        pos.openShift(10_000, null);
        return pos;
    }

    static SaleRequest sale(String item, long qty, long cash) {
        return new SaleRequest(List.of(new SaleItem(item, qty)), null, List.of(new Payment("Cash", cash, null)));
    }

    @Test
    void offlineSalesSyncAutomaticallyWhenTheLineComesBackInBatches() throws Exception {
        try (PosTerminal pos = linked(2)) {
            String posId = pos.status().posId();
            List<TerminalEvent> events = new CopyOnWriteArrayList<>();
            pos.addListener(events::add);
            assertThat(pos.findItem("4006381333931").orElseThrow().priceMinor()).isEqualTo(150);
            long stockBefore = pos.findItem("ITEM-0001").orElseThrow().localStock();
            SaleReceipt online = pos.recordSale(sale("4006381333931", 1, 500));
            assertThat(online.offline()).isFalse();
            pos.startBackground();

            proxy.down(true);
            await(() -> !pos.online());
            long offlineTotal = 0;
            for (int i = 0; i < 5; i++) {
                SaleReceipt r = pos.recordSale(sale("ITEM-0001", 2, 1000));
                assertThat(r.offline()).isTrue();
                assertThat(r.text()).contains("OFFLINE");
                offlineTotal += r.grandTotalMinor();
            }
            assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(stockBefore - 11);

            proxy.down(false);
            await(() -> pos.history(HistoryFilter.all()).stream().allMatch(e -> e.status() == SyncStatus.SYNCED));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TerminalEvent.ConnectivityChanged.class,
                    c -> assertThat(c.online()).isFalse()));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TerminalEvent.ConnectivityChanged.class,
                    c -> assertThat(c.online()).isTrue()));
            assertThat(events).filteredOn(e -> e instanceof TerminalEvent.SyncProgress p && p.batches() > 0)
                    .allSatisfy(e -> assertThat(((TerminalEvent.SyncProgress) e).sent()).isLessThanOrEqualTo(((TerminalEvent.SyncProgress) e).batches() * 2));
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(6);
            assertThat(SharedServer.serverGrandTotal(posId)).isEqualTo(online.grandTotalMinor() + offlineTotal);
            assertThat(pos.status().pending()).isZero();
            assertThat(pos.events(100)).extracting(e -> e.type()).contains("offline", "online");
            pos.stop();
            // Back in sync: a manual sync pulls the server's stock, which now includes the sales: counted once.
            pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(pos.findItem("ITEM-0001").orElseThrow().localStock()).isEqualTo(stockBefore - 11);
        }
    }

    @Test
    void lostResponseAfterTheServerCommittedGivesDuplicateNotDouble() throws Exception {
        try (PosTerminal pos = linked(50)) {
            String posId = pos.status().posId();
            for (int i = 0; i < 3; i++) pos.recordSale(sale("ITEM-0002", 1, 100_00));
            proxy.dropNextResponse();
            SyncSummary lost = pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(lost.error()).isNotNull();
            // No request carries them any more: back to Pending in the transaction that recorded the failure.
            assertThat(pos.history(HistoryFilter.all())).allSatisfy(e -> assertThat(e.status()).isEqualTo(SyncStatus.PENDING));
            assertThat(pos.status().notSynced()).isEqualTo(4);
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(3); // committed before the answer was lost

            SyncSummary again = pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(again.error()).isNull();
            assertThat(again.duplicates()).isEqualTo(4); // shift_open + 3 sales
            assertThat(again.synced()).isZero();
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(3);
            assertThat(pos.history(HistoryFilter.all())).allSatisfy(e -> assertThat(e.status()).isEqualTo(SyncStatus.SYNCED));
        }
    }

    @Test
    void rejectedRowStaysFailedWithItsReasonAndLaterRowsSync() throws Exception {
        try (PosTerminal pos = linked(50)) {
            try (TerminalStore s = TerminalStore.open(dir)) {
                // An item the terminal knows but the server does not: the server refuses the sale (unknown_item).
                s.useTx(h -> new PullApplier().apply(h, new PullPage(dev.tillsync.terminal.store.SyncStateRepo.load(h).cursor(), false, 0,
                        List.of(LocalDevice.change(Entities.ITEM, "GHOST-1", new ItemData("GHOST-1", "Ghost", List.of(), 100, 0, true)))), Instant.now()));
            }
            SaleReceipt bad = pos.recordSale(sale("GHOST-1", 1, 100));
            SaleReceipt good = pos.recordSale(sale("ITEM-0003", 1, 100_00));
            SyncSummary s = pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(s.failed()).singleElement().satisfies(f -> {
                assertThat(f.ref()).isEqualTo(bad.number());
                assertThat(f.code()).isEqualTo("unknown_item");
            });
            List<HistoryEntry> h = pos.history(HistoryFilter.all());
            assertThat(h).filteredOn(e -> bad.number().equals(e.number())).singleElement()
                    .satisfies(e -> assertThat(e.statusText()).startsWith("Failed (").contains("GHOST-1"));
            assertThat(h).filteredOn(e -> good.number().equals(e.number())).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(SyncStatus.SYNCED));
            // Retrying does not make the server change its mind, and never drops the row.
            pos.retry(bad.uuid());
            assertThat(pos.syncNow().get(30, TimeUnit.SECONDS).failed()).hasSize(1);
            assertThat(pos.history(new HistoryFilter(SyncStatus.FAILED, true, 10))).hasSize(1);
        }
    }

    @Test
    void exportThenImportThenPushGivesDuplicatesOnly() throws Exception {
        try (PosTerminal pos = linked(50)) {
            String posId = pos.status().posId();
            proxy.down(true);
            pos.probe();
            for (int i = 0; i < 4; i++) pos.recordSale(sale("ITEM-0004", 1, 100_00));
            Path file = dir.resolve("out/export.tsx");
            ExportResult ex = pos.export(file, ExportRange.unsynced());
            assertThat(ex.rows()).isEqualTo(5);
            assertThat(ex.invoices()).isEqualTo(4);
            SharedServer.get().admin().importFile(file);
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(4);
            pos.markUploaded(file);
            proxy.down(false);
            SyncSummary s = pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(s.error()).isNull();
            assertThat(s.duplicates()).isEqualTo(5);
            assertThat(s.synced()).isZero();
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(4);
        }
    }

    @Test
    void unlinkDrainsThenLocksTheTerminal() throws Exception {
        try (PosTerminal pos = linked(50)) {
            String posId = pos.status().posId();
            pos.recordSale(sale("ITEM-0005", 1, 100_00));
            SharedServer.get().admin().unlink(posId, false);
            List<TerminalEvent> events = new CopyOnWriteArrayList<>();
            pos.addListener(events::add);
            SyncSummary s = pos.syncNow().get(30, TimeUnit.SECONDS);
            assertThat(s.error()).isNull();
            assertThat(pos.status().linkStatus()).isEqualTo("Unlinked");
            assertThat(SharedServer.serverInvoices(posId)).isEqualTo(1);
            assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new TerminalEvent.UnlinkStateChanged(ConnectionStatus.UNLINKED)));
            SaleRecordingTest.assertCode(() -> pos.login("ben@demo.shop", "5678").email(), "terminal_unlinked");
            SaleRecordingTest.assertCode(() -> pos.recordSale(sale("ITEM-0005", 1, 100_00)), "not_logged_in");
            // amira may export (can_export_log), so she may still log in; nothing new is recorded.
            assertThat(pos.login("amira@demo.shop", "1234").email()).isEqualTo("amira@demo.shop");
            SaleRecordingTest.assertCode(() -> pos.recordSale(sale("ITEM-0005", 1, 100_00)), "terminal_unlinked");
        }
    }

    static void await(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 40 s");
            Thread.sleep(100);
        }
    }
}
