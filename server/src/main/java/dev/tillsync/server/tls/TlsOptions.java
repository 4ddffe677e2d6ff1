package dev.tillsync.server.tls;

import java.nio.file.Path;

/**
 * How the server serves HTTPS: the operator's PEM certificate chain and PKCS#8 key, or a self-signed certificate the
 * server makes once under its data folder. Exactly one of the two ways; null options mean plain HTTP.
 */
public record TlsOptions(Path certFile, Path keyFile, boolean selfSigned) {
    public TlsOptions {
        if (selfSigned && (certFile != null || keyFile != null)) {
            throw new IllegalArgumentException("--tls-self-signed makes its own certificate: give it alone, or give --tls-cert and --tls-key without it.");
        }
        if (!selfSigned && (certFile == null || keyFile == null)) {
            throw new IllegalArgumentException("HTTPS needs both --tls-cert FILE (PEM certificate chain) and --tls-key FILE (PKCS#8 PEM key), "
                    + "or --tls-self-signed.");
        }
    }

    public static TlsOptions pem(Path certFile, Path keyFile) {
        return new TlsOptions(certFile, keyFile, false);
    }

    public static TlsOptions selfSignedCertificate() {
        return new TlsOptions(null, null, true);
    }

    /** The options the command line gave, or null for plain HTTP (no TLS option at all). */
    public static TlsOptions fromCommandLine(Path certFile, Path keyFile, boolean selfSigned) {
        if (certFile == null && keyFile == null && !selfSigned) return null;
        return new TlsOptions(certFile, keyFile, selfSigned);
    }
}
