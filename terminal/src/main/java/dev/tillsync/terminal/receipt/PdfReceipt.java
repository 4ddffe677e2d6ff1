package dev.tillsync.terminal.receipt;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

/**
 * A PDF preview of the receipt: a page as wide as the paper (58 or 80 mm) and as long as the receipt, the profile's
 * logo at the top (an image as wide as it prints: its dots over the paper's printable dots), the text in
 * Courier, then the CODE128 barcode and the QR code as filled rectangles. PDFBox 3 neither orders right-to-left text nor joins
 * Arabic letters, so a line outside WinAnsi is drawn as a picture (Java2D lays it out, as on the printer) with the
 * same text underneath in embedded DejaVu Sans, invisible, in the order a PDF reader's text extraction turns back into
 * the typed (logical) order: copy, search and extraction give the receipt's words.
 *
 * <p>The file is saved without PDFBox 3's default object-stream compression, which cost about as much CPU as building
 * the page for a ~1 KB file.
 */
public final class PdfReceipt {
    private static final float MARGIN = 10;
    private static final float MAX_FONT_SIZE = 7.5f;
    private static final float COURIER_EM_PER_CHAR = 0.6f;
    private static final int LINE_IMAGE_SCALE = 3;
    private static final float BARCODE_HEIGHT = 30;
    private static final float BARCODE_MODULE = 1f;
    private static final float QR_MODULE = 2.5f;

    // Standard-14 font objects (metrics parsed once) shared by every receipt; PDFBox objects are not thread-safe,
    // hence one receipt written at a time.
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    private PdfReceipt() {}

    public static void write(Receipt r, Path target) throws IOException {
        synchronized (PdfReceipt.class) {
            new Page(r).write(target);
        }
    }

    /** Lines alone (no barcode, no QR) on the default paper. */
    public static void write(List<ReceiptText.Line> lines, Path target) throws IOException {
        write(new Receipt(lines, null, null, PaperWidth.DEFAULT), target);
    }

    /** One receipt's page: sizes worked out first, since a PDF page's height is fixed before drawing. */
    private static final class Page {
        private final Receipt r;
        private final float width, fontSize, leading;
        private final BufferedImage[] pictures; // per line: null for a Courier line, else its drawn image
        private final BitMatrix barcode, qr;

        Page(Receipt r) {
            this.r = r;
            this.width = r.paper().millimetres() / 25.4f * 72;
            this.fontSize = Math.min(MAX_FONT_SIZE, (width - 2 * MARGIN) / (r.paper().columns() * COURIER_EM_PER_CHAR));
            this.leading = fontSize * 9.5f / 7.5f;
            this.pictures = new BufferedImage[r.lines().size()];
            for (int i = 0; i < pictures.length; i++) {
                ReceiptText.Line l = r.lines().get(i);
                if (!Cp1252.encodes(l.left()) || !Cp1252.encodes(l.right())) pictures[i] = ReceiptImage.line(l, r.paper(), LINE_IMAGE_SCALE);
            }
            this.barcode = r.barcode() == null ? null : CodeImages.code128(r.barcode());
            this.qr = r.qr() == null ? null : CodeImages.qr(r.qr());
        }

        private float height(int line) {
            BufferedImage p = pictures[line];
            return p == null ? leading : p.getHeight() * (width - 2 * MARGIN) / p.getWidth();
        }

        private float barcodeWidth() {
            return Math.min(width - 2 * MARGIN, barcode.getWidth() * BARCODE_MODULE);
        }

        /** The logo's width on the page: the share of the printable width its dots take on paper. */
        private float logoWidth() {
            return (width - 2 * MARGIN) * r.logo().image().getWidth() / r.paper().dots();
        }

        private float logoHeight() {
            return logoWidth() * r.logo().image().getHeight() / r.logo().image().getWidth();
        }

        void write(Path target) throws IOException {
            float height = MARGIN * 2 + leading;
            if (r.logo() != null) height += logoHeight() + leading / 2;
            for (int i = 0; i < pictures.length; i++) height += height(i);
            if (barcode != null) height += BARCODE_HEIGHT + leading * 1.5f;
            if (qr != null) height += qr.getWidth() * QR_MODULE + leading;
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                doc.addPage(page);
                PDFont script = null;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = height - MARGIN;
                    int cols = r.paper().columns();
                    if (r.logo() != null) {
                        float lw = logoWidth(), lh = logoHeight();
                        cs.drawImage(LosslessFactory.createFromImage(doc, r.logo().image()), (width - lw) / 2, y - lh, lw, lh);
                        y -= lh + leading / 2;
                    }
                    for (int i = 0; i < pictures.length; i++) {
                        ReceiptText.Line l = r.lines().get(i);
                        float h = height(i);
                        if (pictures[i] == null) {
                            text(cs, l.emphasis() ? BOLD : REGULAR, MARGIN, y - leading + (leading - fontSize) / 2,
                                    l.rule() ? "-".repeat(cols) : l.emphasis() && l.right() == null ? ReceiptText.center(l.left(), cols) : l.text(cols), false);
                        } else {
                            cs.drawImage(LosslessFactory.createFromImage(doc, pictures[i]), MARGIN, y - h, width - 2 * MARGIN, h);
                            if (script == null) script = scriptFont(doc);
                            text(cs, script, MARGIN, y - h * 0.75f, VisualOrder.of(l.text(cols).strip()), true);
                        }
                        y -= h;
                    }
                    if (barcode != null) {
                        y -= leading / 2;
                        float bw = barcodeWidth();
                        modules(cs, barcode, (width - bw) / 2, y - BARCODE_HEIGHT, bw / barcode.getWidth(), BARCODE_HEIGHT);
                        y -= BARCODE_HEIGHT + leading;
                        float tw = REGULAR.getStringWidth(r.barcode()) / 1000 * fontSize;
                        text(cs, REGULAR, (width - tw) / 2, y + (leading - fontSize) / 2, r.barcode(), false);
                    }
                    if (qr != null) {
                        y -= leading / 2;
                        float side = qr.getWidth() * QR_MODULE;
                        modules(cs, qr, (width - side) / 2, y - side, QR_MODULE, QR_MODULE);
                    }
                }
                doc.save(target.toFile(), CompressParameters.NO_COMPRESSION);
            }
        }

        private void text(PDPageContentStream cs, PDFont font, float x, float y, String text, boolean invisible) throws IOException {
            if (invisible) cs.saveGraphicsState(); // the rendering mode outlives the text object: scope it
            cs.beginText();
            cs.setFont(font, fontSize);
            if (invisible) cs.setRenderingMode(RenderingMode.NEITHER);
            cs.newLineAtOffset(x, y);
            cs.showText(invisible ? text : printable(text));
            cs.endText();
            if (invisible) cs.restoreGraphicsState();
        }

        private static PDFont scriptFont(PDDocument doc) throws IOException {
            if (!ReceiptFonts.embeddable()) {
                throw new IOException("font " + ReceiptFonts.REGULAR_FILE + " is missing (Debian package fonts-dejavu-core)");
            }
            return PDType0Font.load(doc, ReceiptFonts.REGULAR_FILE.toFile());
        }
    }

    /**
     * Fills a module matrix's dark modules as rectangles, one per horizontal run, with its top-left at ({@code x},
     * {@code bottom} + its height): vector shapes stay sharp at any zoom and cost less than encoding an image.
     */
    static void modules(PDPageContentStream cs, BitMatrix m, float x, float bottom, float moduleWidth, float moduleHeight) throws IOException {
        float top = bottom + m.getHeight() * moduleHeight;
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) { col++; continue; }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) col++;
                cs.addRect(x + start * moduleWidth, top - (row + 1) * moduleHeight, (col - start) * moduleWidth, moduleHeight);
            }
        }
        cs.fill();
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
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            sb.append(cp >= 0x20 && Cp1252.encodes(c) ? c : "?");
        });
        return sb.toString();
    }
}
