package dev.tillsync.terminal;

import dev.tillsync.core.invoice.InvoicePayload;
import java.nio.file.Path;

/**
 * A recorded sale or return and its receipt. The sale is durable before this exists (invariant 1).
 *
 * <p>The text and the ESC/POS receipt are done when this is returned; the PDF preview is written off the sale path,
 * when asked for or once the till is idle ({@link #pdf()}). {@link #printWarning()} never waits; {@link #pdfPath()}
 * and {@link #receiptWarning()} ask for the preview and wait for it (a few milliseconds; never on a UI thread: use
 * {@code pdf().whenDone(...)} there).
 *
 * @param offline      the terminal believed it was offline when the sale was made; the receipt says so
 * @param reprint      true when produced by {@code reprint}
 * @param text         the receipt as plain text
 * @param escposPath   where the ESC/POS bytes were written (printer target), null if printing failed
 * @param printWarning why the receipt could not be printed (ESC/POS; the sale itself is recorded), else null;
 *                     the PDF preview's own outcome is {@link PdfPreview#warning()}
 * @param pdf          the PDF preview, written in the background
 */
public record SaleReceipt(String number, String uuid, long seq, InvoicePayload invoice, boolean offline, boolean reprint,
                          String text, Path escposPath, String printWarning, PdfPreview pdf) {
    public long grandTotalMinor() {
        return invoice.grandTotalMinor();
    }

    public long changeMinor() {
        return invoice.changeMinor();
    }

    /** Waits for the PDF preview; its path once written, null if it could not be written. */
    public Path pdfPath() {
        return pdf.await().orElse(null);
    }

    /**
     * Waits for the PDF preview; everything that went wrong with this receipt (printing, then the preview), each with
     * the reprint hint, or null when it was printed and previewed.
     */
    public String receiptWarning() {
        String preview = pdf.warning();
        if (preview == null) return printWarning;
        return printWarning == null ? preview : printWarning + " " + preview;
    }
}
