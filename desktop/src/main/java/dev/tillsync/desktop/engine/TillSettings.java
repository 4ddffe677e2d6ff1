package dev.tillsync.desktop.engine;

/**
 * What a user with can_configure_pos may change: where receipts print (tcp://HOST:9100, cups:QUEUE, a device such as
 * /dev/usb/lp0, or a file), the back office URL, how large the on-screen receipt preview is, and the cash drawer's pin
 * ("2", "5" or "off") and pulse ("ON_MS/OFF_MS"); a null drawer field leaves the drawer as it is.
 */
public record TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize, String drawerPin, String drawerPulse) {
    public TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize) {
        this(printerTarget, serverUrl, previewSize, null, null);
    }

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
