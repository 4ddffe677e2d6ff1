package dev.tillsync.server.master.profiles;

import dev.tillsync.server.refusal.Refusal;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The receipt logo a manager sends: base64 of a PNG or JPEG (a {@code data:image/...;base64,} prefix is accepted).
 * Invariant: what it returns is plain base64 of an image javax.imageio decodes, at most 64 KiB and 1024 x 1024 px,
 * so every till can print it; anything else is refused (422 invalid_logo) before it is stored.
 */
final class ReceiptLogoRule {
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_SIDE = 1024;

    private ReceiptLogoRule() {}

    /** The logo to store: null for a blank value (no logo), else the checked base64. */
    static String check(String base64) {
        if (base64 == null || base64.isBlank()) return null;
        String text = base64.strip();
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            text = comma < 0 ? "" : text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw refuse("The receipt logo is not base64 text; send the PNG or JPEG file's bytes encoded as base64.");
        }
        if (bytes.length > MAX_BYTES) {
            throw refuse("The receipt logo is " + (bytes.length + 1023) / 1024 + " KiB; at most 64 KiB. Save it smaller "
                    + "(black and white, about 576 px wide, prints best).");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw notAnImage();
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw refuse("The receipt logo is a " + format.toUpperCase() + " image; send a PNG or JPEG.");
                }
                reader.setInput(in);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw refuse("The receipt logo is " + w + " x " + h + " px; at most " + MAX_SIDE + " x " + MAX_SIDE
                            + ". Receipts are 384 or 576 dots wide, so about 576 px wide is plenty.");
                }
                BufferedImage img = reader.read(0);
                if (img == null) throw notAnImage();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal r) throw r;
            throw notAnImage();
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Refusal notAnImage() {
        return refuse("The receipt logo is not a PNG or JPEG image that can be read; export it again as PNG or JPEG.");
    }

    private static Refusal refuse(String message) {
        return Refusal.unprocessable("invalid_logo", message);
    }
}
