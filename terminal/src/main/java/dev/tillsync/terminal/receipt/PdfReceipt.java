package dev.tillsync.terminal.receipt;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A PDF preview of the receipt: an 80 mm wide page in Courier, as long as the receipt. The page's content stream is
 * Flate-compressed; the file is saved without PDFBox 3's default object-stream compression, which cost about as
 * much CPU as building the page for a ~1 KB file (the file grows from ~1.1 KB to ~1.3 KB).
 */
public final class PdfReceipt {
    private static final float WIDTH = 80 / 25.4f * 72;
    private static final float FONT_SIZE = 7.5f;
    private static final float LEADING = 9.5f;
    private static final float MARGIN = 10;

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    // Standard-14 font objects (metrics parsed once) shared by every receipt; PDFBox objects are not thread-safe,
    // hence one receipt written at a time.
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    private PdfReceipt() {}

    public static void write(List<ReceiptText.Line> lines, Path target) throws IOException {
        String[] texts = new String[lines.size()];
        for (int i = 0; i < texts.length; i++) {
            ReceiptText.Line l = lines.get(i);
            texts[i] = printable(l.emphasis() ? ReceiptText.center(l.text()) : l.text());
        }
        synchronized (PdfReceipt.class) {
            write(lines, texts, target);
        }
    }

    private static void write(List<ReceiptText.Line> lines, String[] texts, Path target) throws IOException {
        PDType1Font regular = REGULAR;
        PDType1Font bold = BOLD;
        float height = MARGIN * 2 + LEADING * (lines.size() + 1);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = height - MARGIN - LEADING;
                for (int i = 0; i < texts.length; i++) {
                    ReceiptText.Line l = lines.get(i);
                    String text = texts[i];
                    cs.beginText();
                    cs.setFont(l.emphasis() ? bold : regular, FONT_SIZE);
                    cs.newLineAtOffset(MARGIN, y);
                    cs.showText(text);
                    cs.endText();
                    y -= LEADING;
                }
            }
            doc.save(target.toFile(), CompressParameters.NO_COMPRESSION);
        }
    }

    /** Standard 14 fonts encode WinAnsi only; anything else becomes '?' rather than failing the preview. */
    static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) return printableSlow(s);
        }
        return s; // printable ASCII: the common case, no encoder needed
    }

    private static String printableSlow(String s) {
        CharsetEncoder enc = WIN_ANSI.newEncoder();
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            sb.append(enc.canEncode(c) && cp >= 0x20 ? c : "?");
        });
        return sb.toString();
    }
}
