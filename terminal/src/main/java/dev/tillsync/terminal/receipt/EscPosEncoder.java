package dev.tillsync.terminal.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Encodes receipt lines as an ESC/POS byte stream: ESC @ (initialise), ESC t 16 (code page WPC1252),
 * ESC a n (alignment), ESC E n (bold), text + LF, ESC d n (feed) and GS V 66 0 (feed and partial cut).
 * Hand-built because it is a dozen well-documented commands; characters outside Windows-1252 print as '?'.
 */
public final class EscPosEncoder {
    static final byte ESC = 0x1B, GS = 0x1D, LF = 0x0A;
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private EscPosEncoder() {}

    public static byte[] encode(List<ReceiptText.Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ESC); out.write('@');
        out.write(ESC); out.write('t'); out.write(16);
        for (ReceiptText.Line l : lines) {
            out.write(ESC); out.write('a'); out.write(l.emphasis() ? 1 : 0);
            out.write(ESC); out.write('E'); out.write(l.emphasis() ? 1 : 0);
            byte[] text = l.text().getBytes(CP1252);
            out.write(text, 0, text.length);
            out.write(LF);
        }
        out.write(ESC); out.write('E'); out.write(0);
        out.write(ESC); out.write('a'); out.write(0);
        out.write(ESC); out.write('d'); out.write(3);
        out.write(GS); out.write('V'); out.write(66); out.write(0);
        return out.toByteArray();
    }
}
