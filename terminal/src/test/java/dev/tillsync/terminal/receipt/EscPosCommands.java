package dev.tillsync.terminal.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test decoder: an ESC/POS stream split into the commands a printer would execute, with their arguments. */
record EscPosCommands(List<Command> commands) {
    /** One command; {@code name} such as "ESC @", "GS v 0", "TEXT"; {@code data} its payload (text, barcode data, raster). */
    record Command(String name, int arg, byte[] data, int width, int height) {
        String text(Charset cs) {
            return new String(data, cs);
        }
    }

    static EscPosCommands parse(byte[] b) {
        List<Command> out = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c != 0x1B && c != 0x1D && c != 0x0A) {
                text.write(c);
                i++;
                continue;
            }
            if (text.size() > 0) {
                out.add(new Command("TEXT", 0, text.toByteArray(), 0, 0));
                text.reset();
            }
            if (c == 0x0A) {
                out.add(new Command("LF", 0, new byte[0], 0, 0));
                i++;
                continue;
            }
            int op = b[i + 1] & 0xFF;
            if (c == 0x1B) {
                switch (op) {
                    case '@' -> { out.add(new Command("ESC @", 0, new byte[0], 0, 0)); i += 2; }
                    case 't', 'a', 'E', 'd', 'M', '!' -> { out.add(new Command("ESC " + (char) op, b[i + 2] & 0xFF, new byte[0], 0, 0)); i += 3; }
                    case 'p' -> { out.add(new Command("ESC p", b[i + 2] & 0xFF, new byte[0], 0, 0)); i += 5; }
                    default -> throw new AssertionError("unknown ESC " + op + " at byte " + i);
                }
            } else {
                switch (op) {
                    case 'V' -> {
                        int m = b[i + 2] & 0xFF;
                        out.add(new Command("GS V", m, new byte[0], 0, 0));
                        i += m >= 65 ? 4 : 3;
                    }
                    case 'w', 'h', 'H', 'f' -> { out.add(new Command("GS " + (char) op, b[i + 2] & 0xFF, new byte[0], 0, 0)); i += 3; }
                    case 'v' -> {
                        int xBytes = (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8, rows = (b[i + 6] & 0xFF) | (b[i + 7] & 0xFF) << 8;
                        byte[] data = java.util.Arrays.copyOfRange(b, i + 8, i + 8 + xBytes * rows);
                        out.add(new Command("GS v 0", b[i + 3] & 0xFF, data, xBytes * 8, rows));
                        i += 8 + xBytes * rows;
                    }
                    case 'k' -> {
                        int m = b[i + 2] & 0xFF, n = b[i + 3] & 0xFF;
                        out.add(new Command("GS k", m, java.util.Arrays.copyOfRange(b, i + 4, i + 4 + n), 0, 0));
                        i += 4 + n;
                    }
                    case '(' -> {
                        int fnGroup = b[i + 2] & 0xFF, len = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
                        byte[] params = java.util.Arrays.copyOfRange(b, i + 5, i + 5 + len);
                        int fn = params.length > 1 ? params[1] & 0xFF : 0;
                        byte[] data = fn == 80 ? java.util.Arrays.copyOfRange(params, 3, params.length) : params;
                        out.add(new Command("GS ( " + (char) fnGroup + " " + fn, params.length > 2 ? params[2] & 0xFF : 0, data, 0, 0));
                        i += 5 + len;
                    }
                    default -> throw new AssertionError("unknown GS " + op + " at byte " + i);
                }
            }
        }
        if (text.size() > 0) out.add(new Command("TEXT", 0, text.toByteArray(), 0, 0));
        return new EscPosCommands(out);
    }

    List<String> names() {
        return commands.stream().map(Command::name).toList();
    }

    List<Command> all(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).toList();
    }

    /** The text lines printed, decoded from WPC1252. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Command c : commands) {
            if (c.name().equals("TEXT")) sb.append(c.text(Charset.forName("windows-1252")));
            if (c.name().equals("LF")) sb.append('\n');
        }
        return sb.toString();
    }

    /** The QR code's stored data (GS ( k fn 80). */
    String qrData() {
        return all("GS ( k 80").getFirst().text(StandardCharsets.UTF_8);
    }

    /** The GS v 0 bands stacked into one black-on-white image. */
    BufferedImage raster() {
        List<Command> bands = all("GS v 0");
        int width = bands.getFirst().width(), height = bands.stream().mapToInt(Command::height).sum();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int top = 0;
        for (Command band : bands) {
            if (band.width() != width) throw new AssertionError("bands of different widths: " + band.width() + " and " + width);
            int bytesPerRow = band.width() / 8;
            for (int y = 0; y < band.height(); y++) {
                for (int x = 0; x < width; x++) {
                    boolean black = (band.data()[y * bytesPerRow + x / 8] >> (7 - x % 8) & 1) == 1;
                    img.setRGB(x, top + y, black ? 0x000000 : 0xFFFFFF);
                }
            }
            top += band.height();
        }
        return img;
    }
}
