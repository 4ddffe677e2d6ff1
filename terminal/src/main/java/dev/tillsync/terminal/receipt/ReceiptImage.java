package dev.tillsync.terminal.receipt;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.Bidi;
import java.util.List;

/**
 * Draws a receipt as a black-on-white image as wide as the paper's printable dots (384 or 576; a multiple of that for
 * the PDF), with Java2D's text layout, which orders right-to-left runs and joins Arabic letters. A line whose label is
 * right-to-left is drawn from the right edge, its amount at the left. With {@code codes} the CODE128 barcode of the
 * invoice number and the QR code follow the text, and the profile's logo precedes it (the preview and the PNG); the
 * printer's raster omits them and gets them as ESC/POS commands (the logo as its own raster) instead.
 */
public final class ReceiptImage {
    /** Font size as a multiple of the dots one column gets: a line of average text fills about the paper's width. */
    private static final float EM_PER_COLUMN = 1.6f;
    private static final float LEADING = 1.3f;
    private static final int MARGIN_DOTS = 4;
    private static final int BARCODE_HEIGHT_DOTS = 64;

    private ReceiptImage() {}

    /** The receipt at the printer's resolution (width = {@code r.paper().dots()}). */
    public static BufferedImage render(Receipt r, boolean codes) {
        return render(r, codes, 1);
    }

    /** The receipt at {@code scale} pixels per printer dot. */
    public static BufferedImage render(Receipt r, boolean codes, int scale) {
        Painter p = new Painter(r.paper(), scale);
        BitMatrix barcode = codes && r.barcode() != null ? CodeImages.code128(r.barcode()) : null;
        BitMatrix qr = codes && r.qr() != null ? CodeImages.qr(r.qr()) : null;
        ReceiptLogo logo = codes ? r.logo() : null;
        int height = p.lineHeight() * r.lines().size() + 2 * p.margin();
        if (logo != null) height += logo.image().getHeight() * scale + p.lineHeight() / 2;
        if (barcode != null) height += p.barcodeHeight() + p.lineHeight();
        if (qr != null) height += qr.getWidth() * p.qrModule(qr);
        BufferedImage img = new BufferedImage(p.width(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            p.prepare(g, height);
            int y = p.margin();
            if (logo != null) {
                int lw = logo.image().getWidth() * scale, lh = logo.image().getHeight() * scale;
                g.drawImage(logo.image(), (p.width() - lw) / 2, y, lw, lh, null);
                y += lh + p.lineHeight() / 2;
            }
            for (ReceiptText.Line l : r.lines()) {
                p.line(g, l, y);
                y += p.lineHeight();
            }
            if (barcode != null) {
                y = p.barcode(g, barcode, y);
                p.line(g, new ReceiptText.Line(r.barcode(), null, false, false), y, true);
                y += p.lineHeight();
            }
            if (qr != null) p.qr(g, qr, y);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One text line alone, {@code scale} pixels per dot: the PDF preview's picture of a line PDFBox cannot shape. */
    static BufferedImage line(ReceiptText.Line l, PaperWidth paper, int scale) {
        Painter p = new Painter(paper, scale);
        // grey, not RGB: a third of the bytes in the PDF, same antialiased look
        BufferedImage img = new BufferedImage(p.width(), p.lineHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            p.prepare(g, p.lineHeight());
            p.line(g, l, 0);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Slices {@code img} into bands of at most {@code rows} rows: printers take a raster in pieces of bounded height. */
    static List<BufferedImage> bands(BufferedImage img, int rows) {
        java.util.ArrayList<BufferedImage> out = new java.util.ArrayList<>();
        for (int y = 0; y < img.getHeight(); y += rows) out.add(img.getSubimage(0, y, img.getWidth(), Math.min(rows, img.getHeight() - y)));
        return out;
    }

    /** Geometry of one paper at one scale, and the drawing of each kind of element. */
    private record Painter(PaperWidth paper, int scale) {
        int width() {
            return paper.dots() * scale;
        }

        int margin() {
            return MARGIN_DOTS * scale;
        }

        float fontSize() {
            return (float) paper.dots() / paper.columns() * EM_PER_COLUMN * scale;
        }

        int lineHeight() {
            return Math.round(fontSize() * LEADING);
        }

        int barcodeHeight() {
            return BARCODE_HEIGHT_DOTS * scale;
        }

        int qrModule(BitMatrix qr) {
            return Math.max(1, Math.min(6 * scale, width() * 3 / 5 / qr.getWidth()));
        }

        void prepare(Graphics2D g, int height) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        void line(Graphics2D g, ReceiptText.Line l, int top) {
            line(g, l, top, l.emphasis() && l.right() == null);
        }

        void line(Graphics2D g, ReceiptText.Line l, int top, boolean centred) {
            if (l.rule()) {
                g.fillRect(margin(), top + lineHeight() / 2 - scale, width() - 2 * margin(), Math.max(1, 2 * scale));
                return;
            }
            Font font = l.emphasis() ? ReceiptFonts.bold(fontSize()) : ReceiptFonts.regular(fontSize());
            FontRenderContext frc = g.getFontRenderContext();
            float baseline = top + lineHeight() * 0.78f;
            int avail = width() - 2 * margin();
            String label = l.left() == null ? "" : l.left();
            String indentless = label.stripLeading();
            float indent = (label.length() - indentless.length()) * fontSize() / EM_PER_COLUMN;
            boolean rtl = !indentless.isEmpty() && !new Bidi(indentless, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
            float rightWidth = 0;
            if (l.right() != null && !l.right().isEmpty()) {
                TextLayout amount = fitted(l.right(), font, frc, avail);
                rightWidth = amount.getAdvance() + fontSize() / 2;
                amount.draw(g, rtl ? margin() : width() - margin() - amount.getAdvance(), baseline);
            }
            if (indentless.isEmpty()) return;
            TextLayout text = fitted(indentless, font, frc, avail - rightWidth - indent);
            float x;
            if (centred) x = (width() - text.getAdvance()) / 2;
            else if (rtl) x = width() - margin() - indent - text.getAdvance();
            else x = margin() + indent;
            text.draw(g, x, baseline);
        }

        /** The text laid out in {@code font}, shrunk (never below 60%) when it would run past {@code avail}. */
        private static TextLayout fitted(String s, Font font, FontRenderContext frc, float avail) {
            TextLayout t = new TextLayout(s, font, frc);
            if (t.getAdvance() <= avail || avail <= 0) return t;
            float factor = Math.max(0.6f, avail / t.getAdvance());
            return new TextLayout(s, font.deriveFont(font.getSize2D() * factor), frc);
        }

        int barcode(Graphics2D g, BitMatrix m, int top) {
            int module = Math.max(scale, Math.min(2 * scale, width() / m.getWidth()));
            int x0 = (width() - m.getWidth() * module) / 2;
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, 0)) g.fillRect(x0 + x * module, top, module, barcodeHeight());
            }
            return top + barcodeHeight();
        }

        void qr(Graphics2D g, BitMatrix m, int top) {
            int module = qrModule(m);
            int x0 = (width() - m.getWidth() * module) / 2;
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) g.fillRect(x0 + x * module, top + y * module, module, module);
                }
            }
        }
    }
}
