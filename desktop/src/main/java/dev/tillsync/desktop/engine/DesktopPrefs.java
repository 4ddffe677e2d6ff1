package dev.tillsync.desktop.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Screen-only preferences (receipt preview size) in DATA/desktop.properties; written whole via rename, never half. */
final class DesktopPrefs {
    private final Path file;

    DesktopPrefs(Path dataDir) {
        this.file = dataDir.resolve("desktop.properties");
    }

    TillSettings.PreviewSize previewSize() {
        Properties p = load();
        try {
            return TillSettings.PreviewSize.valueOf(p.getProperty("receipt.preview.size", "MEDIUM"));
        } catch (IllegalArgumentException e) {
            return TillSettings.PreviewSize.MEDIUM;
        }
    }

    void previewSize(TillSettings.PreviewSize size) {
        Properties p = load();
        p.setProperty("receipt.preview.size", (size == null ? TillSettings.PreviewSize.MEDIUM : size).name());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "tillsync desktop preferences");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
