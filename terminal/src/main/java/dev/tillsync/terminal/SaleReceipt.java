package dev.tillsync.terminal;

import dev.tillsync.core.invoice.InvoicePayload;
import java.nio.file.Path;

/**
 * A recorded sale or return and its receipt. The sale is durable before this exists (invariant 1).
 *
 * @param offline      the terminal believed it was offline when the sale was made; the receipt says so
 * @param reprint      true when produced by {@code reprint}
 * @param text         the receipt as plain text
 * @param escposPath   where the ESC/POS bytes were written (printer target), null if printing failed
 * @param pdfPath      the PDF preview, null if it could not be written
 * @param printWarning why the receipt could not be printed or previewed (the sale itself is recorded), else null
 */
public record SaleReceipt(String number, String uuid, long seq, InvoicePayload invoice, boolean offline, boolean reprint,
                          String text, Path escposPath, Path pdfPath, String printWarning) {
    public long grandTotalMinor() {
        return invoice.grandTotalMinor();
    }

    public long changeMinor() {
        return invoice.changeMinor();
    }
}
