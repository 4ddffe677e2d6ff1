package dev.tillsync.terminal.tls;

import dev.tillsync.core.tls.CertificateFingerprint;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint the till pinned at link. No CA, no expiry
 * and no hostname check: the pin is the whole check, and it is stronger than them (only that key pair, whoever signed
 * it and whatever name or IP the till uses). Being an {@link X509ExtendedTrustManager}, the JDK calls it as it is and
 * adds no hostname verification of its own, which a self-signed certificate reached by IP could not pass.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final CertificateFingerprint pin;

    public PinnedTrustManager(CertificateFingerprint pin) {
        this.pin = pin;
    }

    /** The server presented a certificate other than the pinned one. */
    public static final class CertificateChangedException extends CertificateException {
        private final CertificateFingerprint seen;
        private final CertificateFingerprint pinned;

        CertificateChangedException(CertificateFingerprint seen, CertificateFingerprint pinned) {
            super("server certificate " + seen + " is not the pinned " + pinned);
            this.seen = seen;
            this.pinned = pinned;
        }

        public CertificateFingerprint seen() {
            return seen;
        }

        public CertificateFingerprint pinned() {
            return pinned;
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("the server presented no certificate");
        CertificateFingerprint seen = CertificateFingerprint.of(chain[0]);
        if (!seen.equals(pin)) throw new CertificateChangedException(seen, pin);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a till authenticates no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a till authenticates no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a till authenticates no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
