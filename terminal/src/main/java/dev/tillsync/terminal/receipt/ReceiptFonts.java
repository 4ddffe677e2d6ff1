package dev.tillsync.terminal.receipt;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The font non-Latin receipts are drawn in: DejaVu Sans (Debian package fonts-dejavu-core), which has Arabic, Hebrew,
 * Greek and Cyrillic. Loaded once from its file so the raster and the PDF use the same glyphs; where the file is
 * missing the JDK's logical SansSerif font stands in (fontconfig usually maps it to DejaVu too).
 */
final class ReceiptFonts {
    static final Path DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    static final Path REGULAR_FILE = DIR.resolve("DejaVuSans.ttf");
    static final Path BOLD_FILE = DIR.resolve("DejaVuSans-Bold.ttf");

    private static final Font REGULAR = load(REGULAR_FILE, Font.PLAIN);
    private static final Font BOLD = load(BOLD_FILE, Font.BOLD);

    private ReceiptFonts() {}

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** The TrueType file the PDF embeds for non-Latin lines, if this machine has it. */
    static boolean embeddable() {
        return Files.isReadable(REGULAR_FILE);
    }

    private static Font load(Path file, int style) {
        if (Files.isReadable(file)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            } catch (FontFormatException | IOException e) {
                // fall through to the logical font: a receipt in a lesser font beats no receipt
            }
        }
        return new Font(Font.SANS_SERIF, style, 12);
    }
}
