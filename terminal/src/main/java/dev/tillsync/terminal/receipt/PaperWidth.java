package dev.tillsync.terminal.receipt;

import dev.tillsync.terminal.TerminalException;
import java.util.Arrays;

/**
 * A receipt printer's paper as the receipt sees it: columns of font A (12 dots a character) and the printable width
 * in dots at 203 dpi, the width of the raster image sent for non-Latin receipts.
 *
 * <p>42 columns is the default: it prints on every 80 mm printer, both those that print 48 columns of font A on 576
 * dots and those (TM-T88 in 42-column mode, many clones) that print 42; 48 is for shops whose 80 mm printer does 48.
 */
public enum PaperWidth {
    MM58(32, 384), MM80(42, 576), MM80_WIDE(48, 576);

    public static final PaperWidth DEFAULT = MM80;

    private final int columns;
    private final int dots;

    PaperWidth(int columns, int dots) {
        this.columns = columns;
        this.dots = dots;
    }

    public int columns() {
        return columns;
    }

    /** Printable width in dots (8 per mm): 384 on 58 mm paper, 576 on 80 mm. */
    public int dots() {
        return dots;
    }

    /** Paper width in millimetres, for the PDF preview's page. */
    public int millimetres() {
        return dots == 384 ? 58 : 80;
    }

    /** The paper of this many columns (32, 42 or 48); anything else is refused with the choices named. */
    public static PaperWidth ofColumns(int columns) {
        return Arrays.stream(values()).filter(p -> p.columns == columns).findFirst().orElseThrow(() -> new TerminalException(
                "bad_receipt_width", "A receipt is 32 columns (58 mm paper), 42 or 48 columns (80 mm paper), not " + columns + "."));
    }
}
