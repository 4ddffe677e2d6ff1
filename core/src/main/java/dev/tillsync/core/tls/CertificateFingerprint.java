package dev.tillsync.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A server certificate's SHA-256 fingerprint in the one written form both sides use: {@code sha256:} and 64 lowercase
 * hex digits over the certificate's DER bytes. The server prints it and puts it in the link QR; the till pins it.
 */
public record CertificateFingerprint(String value) {
    public static final String PREFIX = "sha256:";

    public CertificateFingerprint {
        if (value == null || !value.matches("sha256:[0-9a-f]{64}")) throw new IllegalArgumentException("not a fingerprint: " + value);
    }

    public static CertificateFingerprint of(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return new CertificateFingerprint(PREFIX + HexFormat.of().formatHex(d));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * What a person typed or a QR carried: {@code sha256:HEX}, with or without colons between the bytes (as keytool and
     * openssl print them), any case; empty when it is not a SHA-256 fingerprint.
     */
    public static Optional<CertificateFingerprint> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith(PREFIX)) t = t.substring(PREFIX.length());
        else if (t.startsWith("sha-256:")) t = t.substring("sha-256:".length());
        t = t.replace(":", "").replace(" ", "");
        return t.matches("[0-9a-f]{64}") ? Optional.of(new CertificateFingerprint(PREFIX + t)) : Optional.empty();
    }

    /** The hex in groups of four, for a person to compare on the console page and the till's screen. */
    public String grouped() {
        String hex = value.substring(PREFIX.length());
        StringBuilder b = new StringBuilder(PREFIX);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) b.append(' ');
            b.append(hex, i, i + 4);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
