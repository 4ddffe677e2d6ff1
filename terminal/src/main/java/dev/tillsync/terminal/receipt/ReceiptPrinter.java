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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Produces a receipt after the sale is committed: plain text, ESC/POS bytes to the printer target
 * ({@link PrinterTarget}: tcp://HOST:9100, cups:QUEUE, a device such as /dev/usb/lp0, a file, or a folder; default
 * DATA/receipts/NUMBER.escpos), with the cash drawer pulse after the cut when a tender opens the drawer
 * ({@link DrawerRule}), and a PDF preview in DATA/receipts. A printing failure never touches the recorded sale and
 * never holds the caller past the transport's deadlines; it is reported at once so the cashier can reprint.
 *
 * <p>The text and the ESC/POS bytes (the real receipt) are produced on the caller's thread before
 * {@link #print} returns. The PDF preview is written by this printer's one background writer thread, in order, once the
 * till is idle (no receipt printed for {@value #IDLE_MILLIS} ms) or as soon as someone asks for it
 * ({@link PdfPreview#await()}, {@link PdfPreview#whenDone} and the like): on a till's 2 cores, rendering the preview
 * (its QR code above all) while the cashier is already ringing up the next sale took the CPU that sale needed, for a
 * file nobody had asked to see yet. {@link Printed#pdfDone()} completes when it is written (or failed), and
 * {@link #close()} writes every pending preview before it returns, so a process that closes its printer never exits
 * without them. Past {@value #DEFER_LIMIT} waiting previews the writer stops waiting for a pause; past
 * {@value #MAX_PENDING}, or once closed, the preview is written on the caller's thread. Thread-safe.
 */
public final class ReceiptPrinter implements AutoCloseable {
    /** Previews waiting beyond which the caller writes its own (bounded memory: ~5 KB of laid-out lines each). */
    static final int MAX_PENDING = 8192;
    /** Previews waiting beyond which the writer no longer waits for the till to be idle. */
    static final int DEFER_LIMIT = 4096;
    /** How long without a receipt counts as idle: longer than a burst of sales, far shorter than a cashier's pause. */
    static final long IDLE_MILLIS = 150;
    private static final long CLOSE_WAIT_SECONDS = 60;
    private static final long KEEP_ALIVE_MILLIS = 30_000;

    private final Path receiptsDir;
    private final TerminalStore store;
    private final Writer pdfWriter;

    /** A printer over the terminal's store: it reads the profile's payment modes and the drawer setting per receipt. */
    public ReceiptPrinter(TerminalStore store) {
        this(store.dataDir(), store);
    }

    /** A printer without a store: receipts only, no drawer pulse. */
    public ReceiptPrinter(Path dataDir) {
        this(dataDir, null);
    }

    private ReceiptPrinter(Path dataDir, TerminalStore store) {
        this(dataDir, store, IDLE_MILLIS);
    }

    /** With another idle time: tests use a long one, so a slow machine's pause between receipts never counts as idle. */
    ReceiptPrinter(Path dataDir, TerminalStore store, long idleMillis) {
        this.store = store;
        this.receiptsDir = dataDir.resolve("receipts");
        this.pdfWriter = new Writer(TimeUnit.MILLISECONDS.toNanos(idleMillis));
    }

    /**
     * The receipt as printed.
     *
     * @param escpos   where the ESC/POS bytes went, null if printing failed
     * @param warning  what went wrong with the text/ESC/POS part (a full sentence with the reprint hint), else null
     * @param pdf      where the PDF preview is being written
     * @param pdfDone  completes with null once the preview is written, or with what went wrong (never exceptionally)
     * @param wantPdf  asks the writer for the preview now rather than when the till is idle
     */
    public record Printed(String text, Path escpos, String warning, Path pdf, CompletableFuture<String> pdfDone, Runnable wantPdf) {}

    /** Prints {@code inv}; the drawer pulse follows the profile in force now (read from the store). */
    public Printed print(InvoicePayload inv, ReceiptText.Context ctx, String printerTarget) {
        return print(inv, ctx, printerTarget, null);
    }

    /**
     * Prints {@code inv}; the drawer pulse follows {@code saleProfile}, the profile the sale was recorded under (null:
     * read the one in force now), which spares the sale path a second read of the device and its profile.
     */
    public Printed print(InvoicePayload inv, ReceiptText.Context ctx, String printerTarget, dev.tillsync.core.master.ProfileData saleProfile) {
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
            DrawerSetting drawer = drawerFor(inv, ctx, saleProfile);
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
        PdfTask task = new PdfTask(lines, pdf, new CompletableFuture<>());
        if (!pdfWriter.offer(task)) task.write(); // writer closed or too far behind: write it here rather than lose it
        return new Printed(text, escpos, warning, pdf, task.done(), () -> pdfWriter.want(task));
    }

    /** One preview to write; {@code wanted} once someone asked for it, so it goes before the others and at once. */
    private record PdfTask(Receipt lines, Path pdf, CompletableFuture<String> done, java.util.concurrent.atomic.AtomicBoolean wanted) {
        PdfTask(Receipt lines, Path pdf, CompletableFuture<String> done) {
            this(lines, pdf, done, new java.util.concurrent.atomic.AtomicBoolean());
        }

        void write() {
            if (!done.isDone()) done.complete(writePdf(lines, pdf));
        }
    }

    /**
     * The one background writer: previews in order, each once the till is idle, a wanted one first and at once. The
     * thread starts with the first preview and ends after {@value #KEEP_ALIVE_MILLIS} ms with nothing to write
     * (a daemon: {@link #close()} drains; a forgotten close must not keep the JVM alive).
     */
    private static final class Writer {
        private final long idleNanosNeeded;
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final java.util.concurrent.locks.Condition changed = lock.newCondition();
        private final java.util.ArrayDeque<PdfTask> pending = new java.util.ArrayDeque<>(); // guarded by lock
        private final java.util.ArrayDeque<PdfTask> wanted = new java.util.ArrayDeque<>();  // guarded by lock; also in pending
        private long lastOfferNanos;  // guarded by lock
        private boolean closed;       // guarded by lock
        private Thread thread;        // guarded by lock

        Writer(long idleNanosNeeded) {
            this.idleNanosNeeded = idleNanosNeeded;
        }

        /** Queues {@code t}; false when closed or {@value #MAX_PENDING} are already waiting. */
        boolean offer(PdfTask t) {
            lock.lock();
            try {
                if (closed || pending.size() >= MAX_PENDING) return false;
                pending.addLast(t);
                lastOfferNanos = System.nanoTime();
                if (thread == null) {
                    thread = new Thread(this::run, "tillsync-receipt-pdf");
                    thread.setDaemon(true);
                    thread.start();
                }
                // Only a writer with nothing to do, or one at the limit, needs waking: a waiting one re-checks the
                // idle time by itself, and waking it for every sale would cost the sale a context switch.
                if (pending.size() == 1 || pending.size() == DEFER_LIMIT) changed.signalAll();
                return true;
            } finally {
                lock.unlock();
            }
        }

        void want(PdfTask t) {
            if (t.done().isDone() || !t.wanted().compareAndSet(false, true)) return;
            lock.lock();
            try {
                wanted.addLast(t);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void run() {
            while (true) {
                PdfTask next;
                lock.lock();
                try {
                    next = null;
                    while (next == null) {
                        if (pending.isEmpty()) {
                            if (closed || !changed.await(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS) && pending.isEmpty()) {
                                thread = null;
                                return;
                            }
                            continue;
                        }
                        long idleNanos = System.nanoTime() - lastOfferNanos;
                        long waitNanos = idleNanosNeeded - idleNanos;
                        PdfTask asked = wanted.pollFirst();
                        if (asked != null) {
                            // Written already (in order, or on the caller's thread) when it was asked for: nothing to do.
                            if (pending.remove(asked)) next = asked;
                        } else if (closed || waitNanos <= 0 || pending.size() >= DEFER_LIMIT) {
                            next = pending.pollFirst();
                        } else {
                            changed.awaitNanos(waitNanos);
                        }
                    }
                } catch (InterruptedException e) {
                    // Only close() may end the writer with previews waiting; an interrupt just re-checks.
                    continue;
                } finally {
                    lock.unlock();
                }
                next.write();
            }
        }

        /** Stops taking previews, writes every waiting one (up to {@value #CLOSE_WAIT_SECONDS} s). */
        void close() {
            Thread t;
            lock.lock();
            try {
                closed = true;
                changed.signalAll();
                t = thread;
            } finally {
                lock.unlock();
            }
            if (t == null || t == Thread.currentThread()) return;
            try {
                t.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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

    /** Writes every pending PDF preview (waiting up to a minute), then stops the writer thread. Idempotent. */
    @Override
    public void close() {
        pdfWriter.close();
    }

    /** The drawer pulse this receipt carries: the till's drawer when a tender opens it (see {@link DrawerRule}), else none. */
    private DrawerSetting drawerFor(InvoicePayload inv, ReceiptText.Context ctx, dev.tillsync.core.master.ProfileData saleProfile) {
        if (store == null || ctx.reprint()) return DrawerSetting.NONE;
        if (saleProfile != null) {
            return DrawerRule.opens(inv, saleProfile, false) ? store.read(PrinterSettings::drawer) : DrawerSetting.NONE;
        }
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
