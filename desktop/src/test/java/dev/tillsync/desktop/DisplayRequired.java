package dev.tillsync.desktop;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** UI tests run in a real JavaFX window: without an X display they must fail at once with a clear reason, not hang. */
public final class DisplayRequired implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("No DISPLAY: the desktop UI tests need an X server. "
                    + "Run them under Xvfb, e.g. bin/test or: xvfb-run -a -s \"-screen 0 1920x1080x24\" mvn -pl desktop verify");
        }
    }
}
