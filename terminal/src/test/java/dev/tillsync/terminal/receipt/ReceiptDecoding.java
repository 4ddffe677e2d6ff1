package dev.tillsync.terminal.receipt;

import java.nio.charset.StandardCharsets;

/** Test view of a printed ESC/POS receipt for tests outside this package: its text, barcode, QR and raster width. */
public final class ReceiptDecoding {
    private ReceiptDecoding() {}

    /** {@code barcode} without the "{B" code-set prefix; {@code rasterWidth} 0 when no GS v 0 image was sent. */
    public record Printed(String text, String barcode, String qr, int rasterWidth) {}

    public static Printed of(byte[] escpos) {
        EscPosCommands c = EscPosCommands.parse(escpos);
        String barcode = c.all("GS k").getFirst().text(StandardCharsets.US_ASCII).substring(2);
        int width = c.all("GS v 0").isEmpty() ? 0 : c.raster().getWidth();
        return new Printed(c.text(), barcode, c.qrData(), width);
    }
}
