package dev.tillsync.terminal.receipt;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The POS profile's logo as one paper prints it. Invariant: {@code image} is opaque (transparency over white) and at
 * most {@code paper.dots()} wide, scaled down keeping its aspect and never scaled up; {@link #raster()} is exactly the
 * paper's width, the logo centred, each dot black or white (Floyd–Steinberg dithered), ready for GS v 0.
 */
public record ReceiptLogo(BufferedImage image, PaperWidth paper) {
    /** The last logo decoded: every receipt of a till carries the same one, so it is decoded and scaled once. */
    private record Decoded(String base64, PaperWidth paper, ReceiptLogo logo) {}

    private static volatile Decoded last;

    /**
     * The logo of {@code base64} (a PNG or JPEG the server checked) for {@code paper}; null when there is none or it
     * cannot be decoded: a receipt is never refused for its picture.
     */
    public static ReceiptLogo of(String base64, PaperWidth paper) {
        if (base64 == null || base64.isBlank()) return null;
        Decoded d = last;
        if (d != null && d.paper() == paper && d.base64().equals(base64)) return d.logo();
        ReceiptLogo logo = decode(base64, paper);
        last = new Decoded(base64, paper, logo);
        return logo;
    }

    private static ReceiptLogo decode(String base64, PaperWidth paper) {
        BufferedImage src;
        try {
            src = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.strip())));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (src == null || src.getWidth() == 0 || src.getHeight() == 0) return null;
        int w = Math.min(src.getWidth(), paper.dots());
        int h = Math.max(1, (int) Math.round((double) src.getHeight() * w / src.getWidth()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return new ReceiptLogo(out, paper);
    }

    /** The logo centred on a strip as wide as the paper, in black and white dots. */
    public BufferedImage raster() {
        int width = paper.dots(), height = image.getHeight(), x0 = (width - image.getWidth()) / 2;
        float[][] grey = new float[height][width];
        for (float[] row : grey) java.util.Arrays.fill(row, 255f);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y][x0 + x] = 0.299f * (rgb >> 16 & 0xFF) + 0.587f * (rgb >> 8 & 0xFF) + 0.114f * (rgb & 0xFF);
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        int black = Color.BLACK.getRGB(), white = Color.WHITE.getRGB();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float old = grey[y][x];
                float now = old < 128 ? 0 : 255;
                out.setRGB(x, y, now == 0 ? black : white);
                float err = old - now;
                if (x + 1 < width) grey[y][x + 1] += err * 7 / 16;
                if (y + 1 < height) {
                    if (x > 0) grey[y + 1][x - 1] += err * 3 / 16;
                    grey[y + 1][x] += err * 5 / 16;
                    if (x + 1 < width) grey[y + 1][x + 1] += err * 1 / 16;
                }
            }
        }
        return out;
    }
}
