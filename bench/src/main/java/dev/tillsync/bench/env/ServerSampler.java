package dev.tillsync.bench.env;

import java.lang.management.ManagementFactory;

/**
 * The used heap of this process and the server's PostgreSQL client connections, sampled every 250 ms while a
 * benchmark level runs. Invariant: the figures are maxima over every sample taken between start and stop.
 */
public final class ServerSampler {
    private final BenchServer server;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long heapPeak;
    private volatile int pgConnMax;

    public ServerSampler(BenchServer server, String threadName) {
        this.server = server;
        this.thread = new Thread(this::loop, threadName);
    }

    public void start() {
        thread.start();
    }

    public void stop() throws InterruptedException {
        stop = true;
        thread.join();
    }

    private void loop() {
        while (!stop) {
            heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                pgConnMax = Math.max(pgConnMax, server.pgConnections() - 1); // minus the sampler's own connection
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException ignored) {
                // a sample missed under load is not an error of the system under test
            }
        }
    }

    public double heapPeakMb() {
        return heapPeak / 1048576.0;
    }

    public int pgConnMax() {
        return pgConnMax;
    }
}
