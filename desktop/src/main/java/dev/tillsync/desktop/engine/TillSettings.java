package dev.tillsync.desktop.engine;

/**
 * What a user with can_configure_pos may change: where receipts print (tcp://HOST:9100, cups:QUEUE, a device such as
 * /dev/usb/lp0, or a file), the back office URL, how large the on-screen receipt preview is, and the cash drawer's pin
 * ("2", "5" or "off") and pulse ("ON_MS/OFF_MS"), and the receipt's columns (32 for 58 mm paper, 42 or 48 for 80 mm);
 * a null drawer field or column count leaves that setting as it is.
 */
public record TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize, String drawerPin, String drawerPulse,
                           Integer receiptColumns) {
    public TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize) {
        this(printerTarget, serverUrl, previewSize, null, null, null);
    }

    public TillSettings(String printerTarget, String serverUrl, PreviewSize previewSize, String drawerPin, String drawerPulse) {
        this(printerTarget, serverUrl, previewSize, drawerPin, drawerPulse, null);
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
