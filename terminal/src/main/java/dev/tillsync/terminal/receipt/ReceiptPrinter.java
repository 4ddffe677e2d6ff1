package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoicePayload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Produces a receipt after the sale is committed: plain text, ESC/POS bytes to the printer target
 * (a device such as /dev/usb/lp0, a file, or a folder; default DATA/receipts/NUMBER.escpos) and a PDF
 * preview in DATA/receipts. A printing failure never touches the recorded sale; it is reported so the
 * cashier can reprint.
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
    private final ThreadPoolExecutor pdfWriter;

    public ReceiptPrinter(Path dataDir) {
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
        try {
            // One stat when the folder exists; createDirectories alone costs an exception per receipt then.
            if (!Files.isDirectory(receiptsDir)) Files.createDirectories(receiptsDir);
        } catch (IOException e) {
            warnings.add("cannot create " + receiptsDir + ": " + e.getMessage());
        }
        try {
            escpos = target(printerTarget, base);
            byte[] bytes = EscPosEncoder.encode(lines);
            if (Files.exists(escpos) && !Files.isRegularFile(escpos)) {
                try (OutputStream out = Files.newOutputStream(escpos, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
            } else {
                Files.write(escpos, bytes);
            }
        } catch (IOException | RuntimeException e) {
            warnings.add("printer " + (escpos == null ? printerTarget : escpos) + " failed: " + e.getMessage());
            escpos = null;
        }
        Path pdf = receiptsDir.resolve(base + ".pdf");
        CompletableFuture<String> pdfDone = new CompletableFuture<>();
        pdfWriter.execute(() -> pdfDone.complete(writePdf(lines, pdf)));
        return new Printed(text, escpos, warning(inv.number(), "the receipt was not fully printed", warnings), pdf, pdfDone);
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

    private Path target(String printerTarget, String base) {
        if (printerTarget == null || printerTarget.isBlank()) return receiptsDir.resolve(base + ".escpos");
        Path p = Path.of(printerTarget);
        return Files.isDirectory(p) ? p.resolve(base + ".escpos") : p;
    }
}
