package dev.tillsync.server.tls;

import dev.tillsync.core.tls.CertificateFingerprint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate the server presents, checked before it listens: the PEM chain parses, the key is PKCS#8 and belongs to
 * the first certificate (proven by a signature, not by comparing fields), and that certificate is valid today. Every
 * failure is an {@link IllegalArgumentException} naming the file and what to do.
 */
public final class ServerCertificate {
    private static final Pattern KEY_BLOCK = Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final String source;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key, String source) {
        this.chain = chain;
        this.key = key;
        this.source = source;
    }

    /** The certificate these options name: the given PEM files, or the self-signed one under {@code dataDir} (made once). */
    public static ServerCertificate forOptions(TlsOptions tls, Path dataDir) {
        if (tls.selfSigned()) {
            SelfSignedCertificate.PemPair files = SelfSignedCertificate.ensure(dataDir);
            return load(files.cert(), files.key(), "self-signed, " + files.cert().toAbsolutePath());
        }
        return load(tls.certFile(), tls.keyFile(), tls.certFile().toAbsolutePath().toString());
    }

    public static ServerCertificate load(Path certFile, Path keyFile, String source) {
        List<X509Certificate> chain = readChain(certFile);
        PrivateKey key = readKey(keyFile);
        X509Certificate leaf = chain.get(0);
        if (!matches(key, leaf)) {
            throw new IllegalArgumentException("The key in " + keyFile + " does not belong to the certificate in " + certFile
                    + " (its first certificate, " + leaf.getSubjectX500Principal().getName() + "). Give the key the certificate was issued for.");
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new IllegalArgumentException("The certificate in " + certFile + " expired on " + leaf.getNotAfter().toInstant()
                    + ". Renew it (or, for --tls-self-signed, delete the tls folder under the data folder to make a new one), then "
                    + "give every till the new fingerprint with a new link code.");
        } catch (CertificateNotYetValidException e) {
            throw new IllegalArgumentException("The certificate in " + certFile + " is not valid before " + leaf.getNotBefore().toInstant()
                    + ". Check this machine's clock, or use a certificate valid today.");
        }
        return new ServerCertificate(chain, key, source);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public CertificateFingerprint fingerprint() {
        return CertificateFingerprint.of(leaf());
    }

    /** Where the certificate came from, for the start-up line. */
    public String source() {
        return source;
    }

    /** An in-memory PKCS#12 store holding the key and chain under a random password, for Jetty. */
    public KeyStoreWithPassword keyStore() {
        try {
            byte[] pw = new byte[18];
            new SecureRandom().nextBytes(pw);
            char[] password = HexFormat.of().formatHex(pw).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("tillsync", key, password, chain.toArray(Certificate[]::new));
            return new KeyStoreWithPassword(ks, new String(password));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the server certificate in a key store: " + e, e);
        }
    }

    public record KeyStoreWithPassword(KeyStore keyStore, String password) {}

    private static List<X509Certificate> readChain(Path certFile) {
        byte[] bytes = read(certFile, "--tls-cert");
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read " + certFile + " as a PEM certificate chain (" + e.getMessage()
                    + "). Give the certificate file (-----BEGIN CERTIFICATE-----), the server's own certificate first.");
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(certFile + " holds no certificate. Give the PEM certificate chain (-----BEGIN CERTIFICATE-----), "
                    + "the server's own certificate first.");
        }
        return certs.stream().map(c -> (X509Certificate) c).toList();
    }

    private static PrivateKey readKey(Path keyFile) {
        String text = new String(read(keyFile, "--tls-key"), StandardCharsets.US_ASCII);
        Matcher m = KEY_BLOCK.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read " + keyFile + " as a PEM private key (no -----BEGIN PRIVATE KEY----- block). "
                    + "Give the unencrypted PKCS#8 key, e.g. made with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
        }
        String kind = m.group(1);
        if (!kind.equals("PRIVATE KEY")) {
            throw new IllegalArgumentException(keyFile + " holds a " + kind + " (not unencrypted PKCS#8). Convert it with: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + keyFile + " -out key.pem, and give key.pem.");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The private key in " + keyFile + " is not valid base64. Give the PEM file as it was made.");
        }
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // the PKCS#8 header names the algorithm; KeyFactory takes it only under its own name
            }
        }
        throw new IllegalArgumentException("The private key in " + keyFile + " is not an RSA, EC or Ed25519 PKCS#8 key the server can use. "
                + "Give the key the certificate was issued for, as unencrypted PKCS#8 PEM.");
    }

    private static byte[] read(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + ": no such file " + file.toAbsolutePath() + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ").");
        }
    }

    /** The key signs, the certificate's public key verifies: the pair belongs together whatever the algorithm. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA sign as themselves
        };
        byte[] probe = "tillsync key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false; // a key of another algorithm than the certificate's
        }
    }
}
