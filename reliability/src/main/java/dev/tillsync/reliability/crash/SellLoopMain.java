package dev.tillsync.reliability.crash;

import dev.tillsync.reliability.chaos.SaleScript;
import dev.tillsync.reliability.env.DemoDevices;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The long-lived child of the terminal crash test: a cashier who never stops. Opens the terminal of a linked data
 * folder, logs in and opens a shift if needed, then sells and syncs in a loop, printing {@code CONFIRMED <number>}
 * (flushed) only after recordSale returned — the moment the cashier sees the receipt. Runs until killed.
 *
 * <p>Usage: {@code SellLoopMain DATA_DIR SEED SYNC_EVERY}
 */
public final class SellLoopMain {
    private SellLoopMain() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int syncEvery = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        TerminalOptions opts = new TerminalOptions(Clock.systemUTC(), Duration.ofSeconds(3), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
        try (PosTerminal pos = PosTerminal.open(data, opts)) {
            if (pos.currentUser().isEmpty()) pos.login(DemoDevices.CASHIER, DemoDevices.PIN);
            if (pos.currentShift().isEmpty()) pos.openShift(10_000, null);
            out.println("READY");
            out.flush();
            SaleScript script = new SaleScript(seed);
            for (long i = 1; ; i++) {
                SaleReceipt r = pos.recordSale(SaleScript.request(pos, script.next()));
                out.println("CONFIRMED " + r.number());
                out.flush();
                if (i % syncEvery == 0) {
                    out.println("SYNC-START");
                    out.flush();
                    SyncSummary s = pos.syncNow().get();
                    out.println("SYNC-END " + (s.completed() ? "ok" : "error") + " synced=" + s.synced() + " dup=" + s.duplicates());
                    out.flush();
                }
            }
        }
    }
}
