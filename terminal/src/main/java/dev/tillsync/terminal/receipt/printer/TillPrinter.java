package dev.tillsync.terminal.receipt.printer;

import dev.tillsync.terminal.receipt.EscPosEncoder;
import dev.tillsync.terminal.receipt.ReceiptText;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The printer-side jobs that are not receipts: the test print and "open drawer". Who may run them is the caller's
 * guard (PosTerminal); every drawer opening is logged (who, when, why, outcome) in the event log, sent or not.
 */
public final class TillPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final byte[] INIT = {0x1B, '@'};

    private final TerminalStore store;
    private final Clock clock;

    public TillPrinter(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public DrawerSetting drawer() {
        return store.read(PrinterSettings::drawer);
    }

    /** Stores the drawer setting and logs it with who. */
    public void setDrawer(DrawerSetting d, String by) {
        store.useTx(h -> {
            PrinterSettings.setDrawer(h, d);
            EventLog.append(h, clock.instant(), "config", "drawer", d.describe() + " by " + by);
        });
    }

    /** Prints a short receipt naming the target, the till, who and when; says whether the printer took it. */
    public PrintCheck testPrint(String targetText, String posId, String by) {
        PrinterTarget target = PrinterTarget.parse(targetText);
        Instant now = clock.instant();
        List<ReceiptText.Line> lines = List.of(new ReceiptText.Line("TEST PRINT", true),
                new ReceiptText.Line("Printer: " + target.describe(), false),
                new ReceiptText.Line("POS: " + posId, false),
                new ReceiptText.Line("By: " + by, false),
                new ReceiptText.Line("Time: " + TIME.format(now), false),
                new ReceiptText.Line("Drawer: " + drawer().describe(), false),
                new ReceiptText.Line("Receipts will print here.", false));
        return run(target, EscPosEncoder.encode(lines), "test-print", "Test print");
    }

    /** Fires the drawer pulse alone and logs the opening (who, why, outcome). */
    public PrintCheck openDrawer(String targetText, String by, String reason) {
        PrinterTarget target = PrinterTarget.parse(targetText);
        DrawerSetting d = drawer();
        PrintCheck c = d.enabled() ? run(target, join(INIT, d.pulse()), "drawer-open", "Drawer pulse")
                : new PrintCheck(target.describe(), false, "This till has no cash drawer set (terminal config set drawer 2|5).", 0);
        String why = reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
        store.useTx(h -> EventLog.append(h, clock.instant(), "drawer_open", by,
                (c.ok() ? "sent to " + c.target() : "failed: " + c.message()) + why));
        return c;
    }

    private PrintCheck run(PrinterTarget target, byte[] bytes, String base, String what) {
        Path receipts = store.dataDir().resolve("receipts");
        long start = System.nanoTime();
        try {
            if (!Files.isDirectory(receipts)) Files.createDirectories(receipts);
            PrinterLink.Sent s = PrinterLink.send(target, bytes, receipts, base);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new PrintCheck(target.describe(), true, what + " sent to " + target.describe() + ": OK in " + ms + " ms"
                    + (s.note() == null ? "" : " (" + s.note() + ")") + ".", ms);
        } catch (PrintFailure | java.io.IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new PrintCheck(target.describe(), false, what + " failed: " + e.getMessage() + ".", ms);
        }
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
