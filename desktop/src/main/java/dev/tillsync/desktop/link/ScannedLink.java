package dev.tillsync.desktop.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a barcode scanner types from the console's link-code QR ({@code tillsync://link?server=URL&code=CODE}, and
 * {@code &fp=sha256:HEX} when the server runs TLS: see the console's link-code page), or a plain code typed by hand.
 */
public record ScannedLink(String server, String code, String fingerprint) {
    public ScannedLink(String server, String code) {
        this(server, code, null);
    }

    static final String PREFIX = "tillsync://link?";

    /** The server and code the text carries: both from a QR, the code alone (server null) from a plain code. */
    public static Optional<ScannedLink> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.trim();
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) return Optional.of(new ScannedLink(null, t));
        String server = null, code = null, fp = null;
        for (String pair : t.substring(PREFIX.length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (pair.substring(0, eq)) {
                case "server" -> server = value;
                case "code" -> code = value;
                case "fp" -> fp = value;
                default -> { } // a newer console may add fields
            }
        }
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(new ScannedLink(server, code, fp));
    }
}
