package dev.tillsync.bench.storm;

import dev.tillsync.bench.env.DeviceHttp;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowResult;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * One till coming back after the outage: its offline backlog already encoded as the push bodies it will send
 * (batches of sync_rows_per_request, oldest first), so the storm measures the server, not the tills' JSON.
 * Invariant: a batch is left behind only when the server answered every row of it synced.
 */
final class StormTill {
    /** What every till reports to the run. */
    interface Sink {
        void pushed(long nanos, int rows);

        /** A 503 (the server shedding load); the till waits and sends the batch again. Not an error. */
        void unavailable();

        void error(String what);
    }

    private final DeviceHttp device;
    private final List<byte[]> batches;
    private final List<Integer> batchRows;

    StormTill(DeviceHttp device, List<byte[]> batches, List<Integer> batchRows) {
        this.device = device;
        this.batches = List.copyOf(batches);
        this.batchRows = List.copyOf(batchRows);
    }

    String posId() {
        return device.posId();
    }

    int rows() {
        return batchRows.stream().mapToInt(Integer::intValue).sum();
    }

    StormTill on(DeviceHttp other) {
        return new StormTill(other, batches, batchRows);
    }

    /** Pushes the whole backlog; returns the nanoTime when the last batch was answered, or -1 when it gave up. */
    long drain(Sink sink, Random random) throws InterruptedException {
        int failures = 0;
        for (int b = 0; b < batches.size(); ) {
            long t0 = System.nanoTime();
            PushResult r;
            try {
                r = device.push(batches.get(b));
            } catch (IOException e) {
                String m = String.valueOf(e.getMessage());
                if (m.startsWith("push answered 503")) {
                    sink.unavailable();
                    Thread.sleep(200 + random.nextInt(300));
                    continue;
                }
                sink.error(device.posId() + " batch " + (b + 1) + ": " + m);
                if (++failures >= 5) return -1;
                Thread.sleep(200L * failures);
                continue;
            }
            sink.pushed(System.nanoTime() - t0, batchRows.get(b));
            for (RowResult rr : r.results()) {
                if (!rr.isSynced()) sink.error(device.posId() + " row " + rr.seq() + ": " + rr.code() + " " + rr.message());
            }
            b++;
        }
        return System.nanoTime();
    }
}
