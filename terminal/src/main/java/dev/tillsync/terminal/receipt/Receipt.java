package dev.tillsync.terminal.receipt;

import java.util.List;

/**
 * A receipt laid out for one paper width: its text lines (each fits {@code paper.columns()}), the CODE128 barcode
 * payload (the invoice number, which a return-by-scan reads), the QR payload and the profile's logo (null for none),
 * printed above the text. The plain text, the ESC/POS stream, the raster image and the PDF preview are all drawn from
 * this one value, so they never disagree.
 */
public record Receipt(List<ReceiptText.Line> lines, String barcode, String qr, PaperWidth paper, ReceiptLogo logo) {
    /** A receipt without a logo. */
    public Receipt(List<ReceiptText.Line> lines, String barcode, String qr, PaperWidth paper) {
        this(lines, barcode, qr, paper, null);
    }

    public Receipt {
        lines = List.copyOf(lines);
        paper = paper == null ? PaperWidth.DEFAULT : paper;
        if (logo != null && logo.paper() != paper) throw new IllegalArgumentException("the logo is scaled for " + logo.paper() + ", not " + paper);
        // CODE128 (code set B) holds printable ASCII only; a number outside it is printed as text alone
        if (barcode != null && (barcode.isEmpty() || !barcode.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) barcode = null;
    }

    /** True when every character prints through code page WPC1252; otherwise the receipt goes as a raster image. */
    public boolean latinOnly() {
        for (ReceiptText.Line l : lines) {
            if (!Cp1252.encodes(l.left()) || !Cp1252.encodes(l.right())) return false;
        }
        return true;
    }
}
