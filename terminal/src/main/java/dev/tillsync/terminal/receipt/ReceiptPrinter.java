package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.terminal.receipt.printer.DrawerRule;
import dev.tillsync.terminal.receipt.printer.DrawerSetting;
import dev.tillsync.terminal.receipt.printer.PrintFailure;
import dev.tillsync.terminal.receipt.printer.PrinterLink;
import dev.tillsync.terminal.receipt.printer.PrinterSettings;
import dev.tillsync.terminal.receipt.printer.PrinterTarget;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Produces a receipt after the sale is committed: plain text, ESC/POS bytes to the printer target
 * ({@link PrinterTarget}: tcp://HOST:9100, cups:QUEUE, a device such as /dev/usb/lp0, a file, or a folder; default
 * DATA/receipts/NUMBER.escpos), with the cash drawer pulse after the cut when a tender opens the drawer
 * ({@link DrawerRule}), and a PDF preview in DATA/receipts. A printing failure never touches the recorded sale and
 * never holds the caller past the transport's deadlines; it is reported at once so the cashier can reprint.
 *
 * <p>The text and the ESC/POS bytes (the real receipt) are produced on the caller's thread before
 * {@link #print} returns. The PDF preview is written by this printer's one background writer thread, in order;
 * {@link Printed#pdfDone()} completes when it is written (or failed), and {@link #close()} waits for every
 * pending preview, so a process that closes its printer never exits before its previews exist. If the writer is
 * closed or {@value #MAX_PENDING} previews are already waiting, the preview is written on the caller's thread.
 * Thread-safe.
 */
public final class ReceiptPrinter implements AutoCloseable {
    static final int MAX_PENDING = 1024;
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final Path receiptsDir;
    private final TerminalStore store;
    private final ThreadPoolExecutor pdfWriter;

    /** A printer over the terminal's store: it reads the profile's payment modes and the drawer setting per receipt. */
    public ReceiptPrinter(TerminalStore store) {
        this(store.dataDir(), store);
    }

    /** A printer without a store: receipts only, no drawer pulse. */
    public ReceiptPrinter(Path dataDir) {
        this(dataDir, null);
    }

    private ReceiptPrinter(Path dataDir, TerminalStore store) {
        this.store = store;
        this.receiptsDir = dataDir.resolve("receipts");
        this.pdfWriter = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PENDING), r -> {
            Thread t = new Thread(r, "tillsync-receipt-pdf");
            t.setDaemon(true); // close() drains; a forgotten close must not keep the JVM alive
            return t;
        }, (task, executor) -> task.run()); // queue full or writer closed: write it here rather than lose it
        pdfWriter.allowCoreThreadTimeOut(true);
    }

    /**
     * The receipt as printed.
     *
     * @param escpos   where the ESC/POS bytes went, null if printing failed
     * @param warning  what went wrong with the text/ESC/POS part (a full sentence with the reprint hint), else null
     * @param pdf      where the PDF preview is being written
     * @param pdfDone  completes with null once the preview is written, or with what went wrong (never exceptionally)
     */
    public record Printed(String text, Path escpos, String warning, Path pdf, CompletableFuture<String> pdfDone) {}

    public Printed print(InvoicePayload inv, ReceiptText.Context ctx, String printerTarget) {
        Receipt lines = ReceiptText.lines(inv, ctx);
        String text = ReceiptText.plain(lines);
        List<String> warnings = new ArrayList<>();
        String base = inv.number() + (ctx.reprint() ? ".reprint" : "");
        Path escpos = null;
        boolean withDrawer = false;
        try {
            // One stat when the folder exists; createDirectories alone costs an exception per receipt then.
            if (!Files.isDirectory(receiptsDir)) Files.createDirectories(receiptsDir);
        } catch (IOException e) {
            warnings.add("cannot create " + receiptsDir + ": " + e.getMessage());
        }
        try {
            PrinterTarget target = PrinterTarget.parse(printerTarget);
            byte[] bytes = EscPosEncoder.encode(lines);
            DrawerSetting drawer = drawerFor(inv, ctx);
            withDrawer = drawer.enabled();
            if (withDrawer) bytes = append(bytes, drawer.pulse()); // after the cut: the drawer opens as the receipt is torn off
            escpos = PrinterLink.send(target, bytes, receiptsDir, base).file();
        } catch (PrintFailure e) {
            warnings.add(e.getMessage());
        } catch (RuntimeException e) {
            warnings.add("printer " + printerTarget + " failed: " + e.getMessage());
        }
        if (escpos == null && warnings.isEmpty()) warnings.add("the printer did not take it");
        String warning = escpos == null ? notPrinted(inv.number(), warnings, withDrawer)
                : warning(inv.number(), "the receipt was not fully printed", warnings);
        Path pdf = receiptsDir.resolve(base + ".pdf");
        CompletableFuture<String> pdfDone = new CompletableFuture<>();
        pdfWriter.execute(() -> pdfDone.complete(writePdf(lines, pdf)));
        return new Printed(text, escpos, warning, pdf, pdfDone);
    }

    /** Writes the preview; returns null when written, else what went wrong. Never throws. */
    private static String writePdf(Receipt lines, Path pdf) {
        try {
            PdfReceipt.write(lines, pdf);
            return null;
        } catch (IOException | RuntimeException | Error e) {
            return "PDF preview " + pdf.getFileName() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The cashier's message for a receipt problem: the sale is safe, what failed, how to reprint. Null without problems. */
    public static String warning(String number, String what, List<String> problems) {
        return problems.isEmpty() ? null
                : "The sale is recorded, but " + what + " (" + String.join("; ", problems) + "). Reprint it with: terminal reprint " + number;
    }

    /** Waits (up to a minute) for every pending PDF preview to be written, then stops the writer thread. Idempotent. */
    @Override
    public void close() {
        pdfWriter.shutdown();
        try {
            pdfWriter.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The drawer pulse this receipt carries: the till's drawer when a tender opens it (see {@link DrawerRule}), else none. */
    private DrawerSetting drawerFor(InvoicePayload inv, ReceiptText.Context ctx) {
        if (store == null || ctx.reprint()) return DrawerSetting.NONE;
        return store.read(h -> {
            var device = DeviceRepo.load(h);
            var profile = device.flatMap(d -> ProfileRepo.current(h, d)).orElse(null);
            return DrawerRule.opens(inv, profile, ctx.reprint()) ? PrinterSettings.drawer(h) : DrawerSetting.NONE;
        });
    }

    /** The cashier's message when the printer did not take the receipt: why, that the sale is safe, how to reprint. */
    public static String notPrinted(String number, List<String> why, boolean drawerPulse) {
        return "Receipt not printed: " + String.join("; ", why) + ". The sale " + number + " is saved; reprint with: terminal reprint "
                + number + (drawerPulse ? ". The cash drawer was not opened either: terminal drawer open" : "");
    }

    static byte[] append(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
