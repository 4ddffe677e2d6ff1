package dev.tillsync.terminal.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an ESC/POS byte stream into the commands a printer would run: enough of the command set to recognise what
 * tillsync sends (initialise, code page, alignment, bold, text lines, feed, cut, drawer pulse, barcode, QR, raster,
 * status requests) and to skip the arguments of the common others. A command cut off at the end is left out, so a
 * stream can be decoded as it arrives.
 */
public final class EscPosStream {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** One command: its kind, a detail (the text, the pulse's m/t1/t2, ...) and the offset just after it. */
    public record Command(String kind, String detail, int end) {
        @Override
        public String toString() {
            return detail.isEmpty() ? kind : kind + "(" + detail + ")";
        }
    }

    private EscPosStream() {}

    public static List<Command> decode(byte[] b) {
        List<Command> out = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int start = i;
            int end;
            String kind, detail = "";
            if (c == 0x0A) {
                out.add(new Command("text", text.toString(CP1252), i + 1));
                text.reset();
                i++;
                continue;
            } else if (c == 0x1B) {
                if (i + 1 >= b.length) break;
                int op = b[i + 1] & 0xFF;
                switch (op) {
                    case '@' -> { kind = "init"; end = i + 2; }
                    case 'p' -> {
                        end = i + 5;
                        kind = "pulse";
                        if (end <= b.length) detail = (b[i + 2] & 0xFF) + "/" + (b[i + 3] & 0xFF) + "/" + (b[i + 4] & 0xFF);
                    }
                    case 't' -> { kind = "codepage"; end = i + 3; if (end <= b.length) detail = "" + (b[i + 2] & 0xFF); }
                    case 'a' -> { kind = "align"; end = i + 3; }
                    case 'E' -> { kind = "bold"; end = i + 3; }
                    case 'd' -> { kind = "feed"; end = i + 3; }
                    case 'J' -> { kind = "feed"; end = i + 3; }
                    case '!', '-', 'M', 'R', ' ', '3', 'G', 'V', '{' -> { kind = "style"; end = i + 3; }
                    case '2' -> { kind = "style"; end = i + 2; }
                    default -> { kind = "esc?" + (char) op; end = i + 2; }
                }
            } else if (c == 0x1D) {
                if (i + 1 >= b.length) break;
                int op = b[i + 1] & 0xFF;
                switch (op) {
                    case 'V' -> {
                        kind = "cut";
                        if (i + 2 >= b.length) { end = b.length + 1; break; }
                        int m = b[i + 2] & 0xFF;
                        end = m >= 65 ? i + 4 : i + 3;
                    }
                    case 'k' -> {
                        kind = "barcode";
                        if (i + 2 >= b.length) { end = b.length + 1; break; }
                        int m = b[i + 2] & 0xFF;
                        if (m >= 65) {
                            if (i + 3 >= b.length) { end = b.length + 1; break; }
                            int n = b[i + 3] & 0xFF;
                            end = i + 4 + n;
                            if (end <= b.length) detail = new String(b, i + 4, n, CP1252);
                        } else {
                            int z = i + 3;
                            while (z < b.length && b[z] != 0) z++;
                            end = z + 1;
                        }
                    }
                    case '(' -> {
                        if (i + 4 >= b.length) { end = b.length + 1; kind = "gs("; break; }
                        int fnGroup = b[i + 2] & 0xFF;
                        int len = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
                        end = i + 5 + len;
                        kind = fnGroup == 'k' ? "qr" : "gs(" + (char) fnGroup;
                        if (fnGroup == 'k' && len >= 2 && end <= b.length) detail = "fn" + (b[i + 6] & 0xFF);
                    }
                    case 'v' -> {
                        kind = "raster";
                        if (i + 7 >= b.length) { end = b.length + 1; break; }
                        int x = (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8;
                        int y = (b[i + 6] & 0xFF) | (b[i + 7] & 0xFF) << 8;
                        end = i + 8 + x * y;
                        detail = (x * 8) + "x" + y;
                    }
                    case '!', 'B', 'H', 'h', 'w', 'f', 'a', 'b' -> { kind = "style"; end = i + 3; }
                    case 'L', 'W' -> { kind = "style"; end = i + 4; }
                    default -> { kind = "gs?" + (char) op; end = i + 2; }
                }
            } else if (c == 0x10) {
                if (i + 1 >= b.length) break;
                if ((b[i + 1] & 0xFF) == 0x04) {
                    kind = "status";
                    end = i + 3;
                    if (end <= b.length) detail = "" + (b[i + 2] & 0xFF);
                } else {
                    kind = "dle?";
                    end = i + 2;
                }
            } else if (c == 0x1C) {
                kind = "fs";
                end = i + 2;
            } else if (c < 0x20) {
                i++;
                continue;
            } else {
                text.write(c);
                i++;
                continue;
            }
            if (end > b.length) break; // cut off: wait for the rest
            if (text.size() > 0) {
                out.add(new Command("text", text.toString(CP1252), start));
                text.reset();
            }
            out.add(new Command(kind, detail, end));
            i = end;
        }
        return out;
    }

    /** The kinds in order, leaving out styling (alignment, bold, style) and collapsing runs of text into one "text". */
    public static List<String> outline(List<Command> commands) {
        List<String> kinds = new ArrayList<>();
        for (Command c : commands) {
            if (c.kind().equals("align") || c.kind().equals("bold") || c.kind().equals("style")) continue;
            if (c.kind().equals("text") && !kinds.isEmpty() && kinds.getLast().equals("text")) continue;
            kinds.add(c.kind());
        }
        return kinds;
    }
}
