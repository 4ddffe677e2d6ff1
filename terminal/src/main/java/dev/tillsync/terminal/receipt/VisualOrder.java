package dev.tillsync.terminal.receipt;

import java.text.Bidi;

/**
 * A line of text in visual order (left to right as it appears), the order PDF text is stored in: PDF readers'
 * extraction (PDFBox's PDFTextStripper, pdftotext) reorders right-to-left runs back into logical order.
 */
final class VisualOrder {
    private VisualOrder() {}

    static String of(String logical) {
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) return logical;
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Object[] texts = new Object[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = logical.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            texts[i] = (levels[i] & 1) == 1 ? mirrored(new StringBuilder(run).reverse().toString()) : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        StringBuilder sb = new StringBuilder();
        for (Object t : texts) sb.append(t);
        return sb.toString();
    }

    /** Brackets swap in a reversed run, as the Unicode bidi algorithm mirrors them. */
    private static String mirrored(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(switch (c) {
                case '(' -> ')';
                case ')' -> '(';
                case '[' -> ']';
                case ']' -> '[';
                case '<' -> '>';
                case '>' -> '<';
                default -> c;
            });
        }
        return sb.toString();
    }
}
