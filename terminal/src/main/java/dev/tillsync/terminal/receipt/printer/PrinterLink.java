package dev.tillsync.terminal.receipt.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends one ESC/POS job to a till's printer target, whatever its kind. For a network or CUPS printer a copy of the
 * bytes is kept in the receipts folder (what exactly was sent, for support); for a path the path is the copy.
 */
public final class PrinterLink {
    private PrinterLink() {}

    /**
     * What happened to a job.
     *
     * @param file where the bytes are on disk (the target path, or the kept copy for tcp / CUPS)
     * @param note a remark from the printer worth showing (paper low), else null
     */
    public record Sent(Path file, String note) {}

    /**
     * @param receiptsDir the data folder's receipts folder (default target and copies)
     * @param base        the file name without extension, e.g. the invoice number
     */
    public static Sent send(PrinterTarget target, byte[] bytes, Path receiptsDir, String base) throws PrintFailure {
        return switch (target) {
            case PrinterTarget.ReceiptsFolder f -> {
                Path p = receiptsDir.resolve(base + ".escpos");
                LocalPrinter.write(p, bytes);
                yield new Sent(p, null);
            }
            case PrinterTarget.Local l -> {
                Path p = Files.isDirectory(l.path()) ? l.path().resolve(base + ".escpos") : l.path();
                LocalPrinter.write(p, bytes);
                yield new Sent(p, null);
            }
            case PrinterTarget.Tcp t -> {
                String note = TcpPrinter.send(t, bytes);
                yield new Sent(keepCopy(receiptsDir, base, bytes), note);
            }
            case PrinterTarget.Cups c -> {
                CupsPrinter.send(c, bytes);
                yield new Sent(keepCopy(receiptsDir, base, bytes), null);
            }
        };
    }

    /** The copy is a record only: failing to write it never fails the print. */
    private static Path keepCopy(Path receiptsDir, String base, byte[] bytes) {
        Path p = receiptsDir.resolve(base + ".escpos");
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            // the printer has the receipt; the copy is only for support
        }
        return p;
    }
}
