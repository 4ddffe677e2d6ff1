package dev.tillsync.terminal.receipt;

import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.barcode.BarCode;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes a receipt as an ESC/POS byte stream, in this order: ESC @ (initialise); the profile's logo, if any, as GS v 0
 * raster bands the paper's width (black and white dots, see {@link ReceiptLogo}); then either ESC t 16 (code page
 * WPC1252) and the text with ESC a / ESC E for centred bold lines, or — when a character is outside WPC1252 (Arabic,
 * Hebrew, Greek, CJK...) — the text drawn as an image and sent as GS v 0 raster bands; then the invoice number as
 * CODE128 (GS k), the QR code (GS ( k), ESC d 3 (feed) and GS V 66 0 (feed and partial cut).
 *
 * <p>The text commands are hand-written (a dozen bytes); the barcode, QR and raster commands come from escpos-coffee
 * (see docs/architecture.md, "Receipts").
 */
public final class EscPosEncoder {
    static final byte ESC = 0x1B, GS = 0x1D, LF = 0x0A;
    /** Rows per GS v 0 command: small enough for any printer's buffer, large enough to keep the stream short. */
    static final int BAND_ROWS = 256;
    private static final int QR_MODULE_DOTS = 5;

    private EscPosEncoder() {}

    public static byte[] encode(Receipt r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ESC); out.write('@');
        if (r.logo() != null) raster(r.logo().raster(), out);
        if (r.latinOnly()) {
            text(r, out);
        } else {
            raster(ReceiptImage.render(r, false), out);
        }
        out.write(ESC); out.write('a'); out.write(0);
        if (r.barcode() != null && !r.barcode().isEmpty()) barcode(r.barcode(), out);
        if (r.qr() != null && !r.qr().isEmpty()) qr(r.qr(), out);
        out.write(ESC); out.write('a'); out.write(0);
        out.write(ESC); out.write('d'); out.write(3);
        out.write(GS); out.write('V'); out.write(66); out.write(0);
        return out.toByteArray();
    }

    /** Lines alone (no barcode, no QR) on the default paper. */
    public static byte[] encode(List<ReceiptText.Line> lines) {
        return encode(new Receipt(lines, null, null, PaperWidth.DEFAULT));
    }

    private static void text(Receipt r, ByteArrayOutputStream out) {
        out.write(ESC); out.write('t'); out.write(16);
        int cols = r.paper().columns();
        for (ReceiptText.Line l : r.lines()) {
            out.write(ESC); out.write('a'); out.write(l.emphasis() && l.right() == null ? 1 : 0);
            out.write(ESC); out.write('E'); out.write(l.emphasis() ? 1 : 0);
            out.writeBytes(Cp1252.bytes(l.emphasis() && l.right() == null ? l.left() : l.text(cols)));
            out.write(LF);
        }
        out.write(ESC); out.write('E'); out.write(0);
    }

    private static void raster(BufferedImage img, ByteArrayOutputStream out) {
        RasterBitImageWrapper wrapper = new RasterBitImageWrapper();
        for (BufferedImage band : ReceiptImage.bands(img, BAND_ROWS)) {
            out.writeBytes(wrapper.getBytes(new EscPosImage(new CoffeeImageImpl(band), new BitonalThreshold(127))));
        }
    }

    /** CODE128 in code set B ("{B" prefix, as ESC/POS wants), 2-dot modules, 64 dots high, the number printed below. */
    private static void barcode(String number, ByteArrayOutputStream out) {
        out.writeBytes(new BarCode().setSystem(BarCode.BarCodeSystem.CODE128).setBarCodeSize(2, 64)
                .setHRIPosition(BarCode.BarCodeHRIPosition.BelowBarCode).setJustification(EscPosConst.Justification.Center)
                .getBytes("{B" + number));
        out.write(LF);
    }

    private static void qr(String payload, ByteArrayOutputStream out) {
        out.writeBytes(new QRCode().setSize(QR_MODULE_DOTS).setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                .setJustification(EscPosConst.Justification.Center).getBytes(payload));
        out.write(LF);
    }
}
