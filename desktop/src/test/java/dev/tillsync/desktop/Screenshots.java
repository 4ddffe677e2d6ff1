package dev.tillsync.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a scene shows as PNG (rendered by JavaFX itself, so it works the same under Xvfb). */
public final class Screenshots {
    private Screenshots() {}

    public static void save(Scene scene, Path png) {
        try {
            WritableImage image = onFx(() -> scene.snapshot(null));
            int w = (int) image.getWidth(), h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            out.setRGB(0, 0, w, h, argb, 0, w);
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(out, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The docs folder for committed screenshots (set by the surefire config), or null when not configured. */
    public static Path docsDir() {
        String dir = System.getProperty("tillsync.screens.dir");
        return dir == null ? null : Path.of(dir);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try { return work.call(); } catch (Exception e) { throw new IllegalStateException(e); }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try { f.complete(work.call()); } catch (Throwable t) { f.completeExceptionally(t); }
        });
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }
}
