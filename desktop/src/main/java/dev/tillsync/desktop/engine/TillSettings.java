package dev.tillsync.desktop.engine;

/**
 * What a user with can_configure_pos may change: where receipts print (a printer device such as /dev/usb/lp0,
 * or a file), the back office URL, and how large the on-screen receipt preview is.
 */
public record TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize) {
    public enum PreviewSize {
        SMALL(12), MEDIUM(15), LARGE(19);
        private final int fontPx;

        PreviewSize(int fontPx) {
            this.fontPx = fontPx;
        }

        public int fontPx() {
            return fontPx;
        }
    }
}
