package dev.tillsync.bench.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.bench.env.DeviceHttp;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One simulated till: sells at random intervals, sometimes goes offline for a while (sales queue up), and
 * pushes what is pending in batches of at most rows-per-request whenever it is online. Shares nothing with
 * the other tills but the server. Invariant: a row leaves {@code pending} only when the server said synced.
 */
final class SimTerminal {
    private static final ObjectMapper JSON = DeviceHttp.json();

    private final DeviceHttp device;
    private final String profileKey;
    private final String invoiceSeries;
    private final List<ItemData> items;
    private final int rowsPerRequest;
    private final Random random;
    private final String shiftUuid = UUID.randomUUID().toString();
    private final List<SyncRow> pending = new ArrayList<>();
    private long seq;
    private long invoiceNo;

    SimTerminal(DeviceHttp device, String profileKey, String invoiceSeries, List<ItemData> items, int rowsPerRequest, long seed) {
        this.device = device;
        this.profileKey = profileKey;
        this.invoiceSeries = invoiceSeries;
        this.items = items;
        this.rowsPerRequest = rowsPerRequest;
        this.random = new Random(seed);
    }

    String posId() {
        return device.posId();
    }

    /** What the fleet run collects from every till. */
    interface Sink {
        void push(long nanos, int rows);

        void error(String what);
    }

    /** Sells and syncs until {@code endNanos}, then catches up (pushes everything left). */
    void run(long endNanos, long meanSaleMs, double offlineChance, long offlineMaxMs, Sink sink) throws InterruptedException {
        long offlineUntil = 0;
        while (true) {
            long wait = (long) (-Math.log(1 - random.nextDouble()) * meanSaleMs);
            long now = System.nanoTime();
            if (now + wait * 1_000_000 >= endNanos) break;
            Thread.sleep(wait);
            sell();
            now = System.nanoTime();
            if (offlineUntil == 0 && random.nextDouble() < offlineChance) {
                offlineUntil = now + (long) (random.nextDouble() * offlineMaxMs) * 1_000_000;
            }
            if (offlineUntil != 0 && now < offlineUntil) continue;
            offlineUntil = 0;
            pushPending(sink);
        }
        pushPending(sink);
        if (!pending.isEmpty()) sink.error(device.posId() + ": " + pending.size() + " rows never synced");
    }

    private void sell() {
        List<InvoiceLine> lines = new ArrayList<>();
        List<ItemData> picked = new ArrayList<>();
        while (picked.size() < 5) {
            ItemData it = items.get(random.nextInt(items.size()));
            if (picked.contains(it)) continue;
            picked.add(it);
            lines.add(InvoiceLine.of(it.code(), it.name(), 1 + random.nextInt(3), it.priceMinor(), it.taxRateBp()));
        }
        List<Payment> pays = List.of(new Payment("Card", 100, "sim"), new Payment(Payment.CASH, 500_000, null));
        long grand = InvoiceMath.grandTotal(lines);
        Instant at = Instant.now();
        InvoicePayload inv = new InvoicePayload(NumberingSeries.invoices(invoiceSeries).format(++invoiceNo), at, null, "amira@demo.shop",
                shiftUuid, false, null, profileKey, lines, pays, InvoiceMath.changeDue(grand, pays), InvoiceMath.netTotal(lines),
                InvoiceMath.taxTotal(lines), grand);
        pending.add(new SyncRow(UUID.randomUUID().toString(), ++seq, RowKind.INVOICE, at, JSON.valueToTree(inv)));
    }

    private void pushPending(Sink sink) throws InterruptedException {
        int attempts = 0;
        while (!pending.isEmpty()) {
            List<SyncRow> batch = List.copyOf(pending.subList(0, Math.min(rowsPerRequest, pending.size())));
            long t0 = System.nanoTime();
            PushResult r;
            try {
                r = device.push(new PushBatch(device.posId(), profileKey, batch));
            } catch (java.io.IOException e) {
                sink.error(device.posId() + ": " + e.getMessage());
                if (++attempts >= 3) return;
                continue;
            }
            sink.push(System.nanoTime() - t0, batch.size());
            for (RowResult rr : r.results()) {
                if (!rr.isSynced()) sink.error(device.posId() + " row " + rr.seq() + ": " + rr.code() + " " + rr.message());
            }
            pending.subList(0, batch.size()).clear();
        }
    }
}
