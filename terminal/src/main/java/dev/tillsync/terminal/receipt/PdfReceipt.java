package dev.tillsync.terminal.receipt;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A PDF preview of the receipt: an 80 mm wide page in Courier, as long as the receipt. */
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

    public static synchronized void write(List<ReceiptText.Line> lines, Path target) throws IOException {
        PDType1Font regular = REGULAR;
        PDType1Font bold = BOLD;
        float height = MARGIN * 2 + LEADING * (lines.size() + 1);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = height - MARGIN - LEADING;
                for (ReceiptText.Line l : lines) {
                    String text = printable(l.emphasis() ? ReceiptText.center(l.text()) : l.text());
                    cs.beginText();
                    cs.setFont(l.emphasis() ? bold : regular, FONT_SIZE);
                    cs.newLineAtOffset(MARGIN, y);
                    cs.showText(text);
                    cs.endText();
                    y -= LEADING;
                }
            }
            doc.save(target.toFile());
        }
    }

    /** Standard 14 fonts encode WinAnsi only; anything else becomes '?' rather than failing the preview. */
    private static String printable(String s) {
        CharsetEncoder enc = WIN_ANSI.newEncoder();
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            sb.append(enc.canEncode(c) && cp >= 0x20 ? c : "?");
        });
        return sb.toString();
    }
}
