package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two server instances on one PostgreSQL, and the pull cursor while many transactions commit out of order. */
class ConcurrencyTest {
    private final TillServer server = SharedServer.get();

    @Test
    void sameBatchPushedToTwoServersAtOnceIsAppliedExactlyOnce() throws Exception {
        String url = server.jdbcUrl() + "?user=postgres";
        try (TillServer second = TillServer.start(new ServerOptions(Files.createTempDirectory("tillsync-second"), url, 0))) {
            Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
            List<SyncRow> rows = new ArrayList<>();
            for (int i = 1; i <= 40; i++) rows.add(Fixtures.penSale(d, i, i, 1));
            PushBatch batch = new PushBatch(d.posId(), d.profileKey(), rows);
            Http viaA = d.http();
            Http viaB = new Http(second.baseUrl()).device(d.posId(), d.secret());
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<PushResult> a = pool.submit(() -> { start.await(); return viaA.post("/sync/push", batch).as(PushResult.class); });
                Future<PushResult> b = pool.submit(() -> { start.await(); return viaB.post("/sync/push", batch).as(PushResult.class); });
                List<RowResult> ra = a.get().results(), rb = b.get().results();
                for (int i = 0; i < rows.size(); i++) {
                    List<RowOutcome> both = List.of(ra.get(i).outcome(), rb.get(i).outcome());
                    assertThat(both).as("row " + (i + 1)).containsExactlyInAnyOrder(RowOutcome.ACCEPTED, RowOutcome.DUPLICATE);
                    RowResult dup = ra.get(i).outcome() == RowOutcome.DUPLICATE ? ra.get(i) : rb.get(i);
                    assertThat(dup.original()).isEqualTo(RowOutcome.ACCEPTED);
                }
            } finally {
                pool.shutdownNow();
            }
            long invoices = server.services().jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from sales_invoice i join pos_offline d on d.id = i.device_id where d.pos_id = :p")
                    .bind("p", d.posId()).mapTo(Long.class).one());
            long ledger = server.services().jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from stock_ledger l join pos_offline d on d.id = l.device_id where d.pos_id = :p")
                    .bind("p", d.posId()).mapTo(Long.class).one());
            assertThat(invoices).isEqualTo(40);
            assertThat(ledger).isEqualTo(40);
        }
    }

    @Test
    void pullCursorMissesNoChangeWhileWritersCommitConcurrently() throws Exception {
        Fixtures.Linked reader = Fixtures.linkedDevice(server, 500);
        List<Fixtures.Linked> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) writers.add(Fixtures.linkedDevice(server, 500));
        Map<String, Long> seen = new HashMap<>();
        String[] cursor = {null};
        Runnable drain = () -> {
            PullPage p;
            do {
                p = reader.http().get("/sync/pull?limit=200" + (cursor[0] == null ? "" : "&cursor=" + cursor[0])).as(PullPage.class);
                for (Change c : p.changes()) {
                    if (c.entity().equals("stock")) seen.put(c.key(), c.data().get("qty").asLong());
                }
                cursor[0] = p.nextCursor();
            } while (p.hasMore());
        };
        drain.run();
        AtomicBoolean done = new AtomicBoolean(false);
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        for (Fixtures.Linked w : writers) {
            jobs.add(CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 25; i++) {
                    String item = String.format("ITEM-%04d", 1 + (i % 5));
                    var line = dev.tillsync.core.invoice.InvoiceLine.of(item, "x", 1, 100, 0);
                    SyncRow row = Fixtures.invoiceRow(i, w.invoiceSeries() + String.format("%06d", i), w.profileKey(), List.of(line),
                            List.of(new dev.tillsync.core.invoice.Payment("Card", line.totalMinor(), null)));
                    w.http().post("/sync/push", new PushBatch(w.posId(), w.profileKey(), List.of(row)));
                }
            }));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new));
        int pulls = 0;
        while (!all.isDone()) {
            drain.run();
            pulls++;
        }
        all.get();
        done.set(true);
        drain.run();
        assertThat(pulls).isGreaterThan(0);
        Map<String, Long> truth = new HashMap<>();
        server.services().jdbi().useHandle(h -> h.createQuery("select item_code, qty_milli / 1000 from stock where warehouse = 'Main Warehouse'")
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> truth.put(e.getKey(), e.getValue())));
        for (int i = 1; i <= 5; i++) {
            String item = String.format("ITEM-%04d", i);
            assertThat(seen.get(item)).as(item).isEqualTo(truth.get(item));
        }
    }
}
