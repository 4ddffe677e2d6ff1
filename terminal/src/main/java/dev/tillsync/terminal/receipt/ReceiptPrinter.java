package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoicePayload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces a receipt after the sale is committed: plain text, ESC/POS bytes to the printer target
 * (a device such as /dev/usb/lp0, a file, or a folder; default DATA/receipts/NUMBER.escpos) and a PDF
 * preview in DATA/receipts. A printing failure never touches the recorded sale; it is reported so the
 * cashier can reprint.
 */
public final class ReceiptPrinter {
    private final Path receiptsDir;

    public ReceiptPrinter(Path dataDir) {
        this.receiptsDir = dataDir.resolve("receipts");
    }

    public record Printed(String text, Path escpos, Path pdf, String warning) {}

    public Printed print(InvoicePayload inv, ReceiptText.Context ctx, String printerTarget) {
        List<ReceiptText.Line> lines = ReceiptText.lines(inv, ctx);
        String text = ReceiptText.plain(lines);
        List<String> warnings = new ArrayList<>();
        String base = inv.number() + (ctx.reprint() ? ".reprint" : "");
        Path escpos = null, pdf = null;
        try {
            Files.createDirectories(receiptsDir);
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
        try {
            pdf = receiptsDir.resolve(base + ".pdf");
            PdfReceipt.write(lines, pdf);
        } catch (IOException | RuntimeException e) {
            warnings.add("PDF preview failed: " + e.getMessage());
            pdf = null;
        }
        String warning = warnings.isEmpty() ? null
                : "The sale is recorded, but the receipt was not fully printed (" + String.join("; ", warnings) + "). Reprint it with: terminal reprint " + inv.number();
        return new Printed(text, escpos, pdf, warning);
    }

    private Path target(String printerTarget, String base) {
        if (printerTarget == null || printerTarget.isBlank()) return receiptsDir.resolve(base + ".escpos");
        Path p = Path.of(printerTarget);
        return Files.isDirectory(p) ? p.resolve(base + ".escpos") : p;
    }
}
