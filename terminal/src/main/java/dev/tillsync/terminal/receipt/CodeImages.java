package dev.tillsync.terminal.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The QR code and CODE128 barcode as module matrices (one cell per module, quiet zone included), for the receipt image
 * and the PDF preview; the printer draws its own from the ESC/POS commands. QR error correction M, as the printer's.
 */
final class CodeImages {
    static final int QR_QUIET_MODULES = 4;

    private CodeImages() {}

    static BitMatrix qr(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QR_QUIET_MODULES, EncodeHintType.CHARACTER_SET,
                    StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the QR code cannot hold " + payload.length() + " characters", e);
        }
    }

    /** One row of CODE128 modules (height 1), 10 modules of quiet zone each side. */
    static BitMatrix code128(String payload) {
        return new Code128Writer().encode(payload, BarcodeFormat.CODE_128, 0, 1);
    }
}
