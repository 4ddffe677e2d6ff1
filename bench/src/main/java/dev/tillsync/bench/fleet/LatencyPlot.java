package dev.tillsync.bench.fleet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Push latency percentiles against fleet size as a PNG line chart, drawn with Java2D (no plotting library). */
final class LatencyPlot {
    record Point(int terminals, double p50, double p95, double p99) {}

    private LatencyPlot() {}

    static void write(Path png, String title, List<Point> points) throws IOException {
        int w = 800, h = 480, left = 80, right = 30, top = 50, bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double maxY = points.stream().mapToDouble(Point::p99).filter(d -> !Double.isNaN(d)).max().orElse(1) * 1.1;
        int maxX = points.stream().mapToInt(Point::terminals).max().orElse(1);
        int pw = w - left - right, ph = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, top + ph, left + pw, top + ph);
        g.drawLine(left, top, left, top + ph);
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            int y = top + ph - (int) (ph * i / 5.0);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + 1, y, left + pw, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), left - 45, y + 4);
        }
        for (Point p : points) {
            int x = left + (int) (pw * (double) p.terminals() / maxX);
            g.drawLine(x, top + ph, x, top + ph + 5);
            g.drawString(Integer.toString(p.terminals()), x - 10, top + ph + 20);
        }
        g.drawString("simulated terminals", left + pw / 2 - 50, h - 15);
        g.drawString("push latency (ms)", 10, top - 10);
        Color[] colors = {new Color(30, 120, 200), new Color(230, 140, 20), new Color(200, 40, 40)};
        String[] names = {"p50", "p95", "p99"};
        g.setStroke(new BasicStroke(2.5f));
        for (int s = 0; s < 3; s++) {
            g.setColor(colors[s]);
            int px = -1, py = -1;
            for (Point p : points) {
                double v = s == 0 ? p.p50() : s == 1 ? p.p95() : p.p99();
                if (Double.isNaN(v)) continue;
                int x = left + (int) (pw * (double) p.terminals() / maxX);
                int y = top + ph - (int) (ph * v / maxY);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
            g.fillRect(left + 20 + s * 80, top + 10, 14, 4);
            g.drawString(names[s], left + 40 + s * 80, top + 16);
        }
        g.dispose();
        if (png.getParent() != null) Files.createDirectories(png.getParent());
        ImageIO.write(img, "png", png.toFile());
    }
}
