package dev.tillsync.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's own certificate for {@code --tls-self-signed}: made once under {@code DATA/tls} and reused on every start,
 * so the fingerprint the tills pinned stays the same. The key file is owner-only (600) and written before the
 * certificate, so a certificate file on disk always has its key beside it.
 *
 * <p>The JDK has no public API to issue a certificate; {@code keytool -genkeypair} from the running JDK does, with no
 * new dependency (BouncyCastle's bcpkix would add a 1 MB library for one call at first start).
 */
public final class SelfSignedCertificate {
    public static final String FOLDER = "tls";
    public static final String CERT_FILE = "self-signed-cert.pem";
    public static final String KEY_FILE = "self-signed-key.pem";
    /** Ten years: renewing a pinned certificate means a new link code for every till, so it should not come often. */
    static final int VALIDITY_DAYS = 3650;

    public record PemPair(Path cert, Path key) {}

    private SelfSignedCertificate() {}

    public static PemPair ensure(Path dataDir) {
        Path dir = dataDir.resolve(FOLDER);
        PemPair f = new PemPair(dir.resolve(CERT_FILE), dir.resolve(KEY_FILE));
        if (java.nio.file.Files.exists(f.cert())) {
            if (!java.nio.file.Files.exists(f.key())) {
                throw new IllegalArgumentException("The self-signed certificate " + f.cert() + " has no key beside it (" + KEY_FILE
                        + "). Restore the key from a backup, or delete " + dir + " to make a new certificate (then give every till a new link code).");
            }
            return f;
        }
        make(dir, f);
        return f;
    }

    private static void make(Path dir, PemPair f) {
        Path p12 = null;
        try {
            java.nio.file.Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            p12 = dir.resolve("keytool-" + System.nanoTime() + ".p12");
            String password = HexFormat.of().formatHex(randomBytes(18));
            runKeytool(p12, password);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(p12)) {
                ks.load(in, password.toCharArray());
            }
            Key key = ks.getKey("tillsync", password.toCharArray());
            Certificate cert = ks.getCertificate("tillsync");
            writeAtomically(f.key(), pem("PRIVATE KEY", key.getEncoded()), true);
            writeAtomically(f.cert(), pem("CERTIFICATE", cert.getEncoded()), false);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot make the self-signed certificate in " + dir + " (" + e.getMessage()
                    + "). Check the data folder is writable, or give your own with --tls-cert FILE --tls-key FILE.");
        } finally {
            if (p12 != null) {
                try {
                    java.nio.file.Files.deleteIfExists(p12);
                } catch (IOException ignored) {
                    // a leftover keystore under the owner-only folder; the next start makes its own
                }
            }
        }
    }

    private static void runKeytool(Path p12, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!java.nio.file.Files.isExecutable(keytool)) {
            throw new IOException("this Java has no keytool at " + keytool);
        }
        List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-alias", "tillsync", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", Integer.toString(VALIDITY_DAYS), "-dname", "CN=tillsync server",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", p12.toString(),
                // the password goes through the environment, never the command line other users can read
                "-storepass:env", "TILLSYNC_KEYTOOL_PW", "-keypass:env", "TILLSYNC_KEYTOOL_PW", "-noprompt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TILLSYNC_KEYTOOL_PW", password);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while keytool ran");
        }
        if (p.exitValue() != 0) throw new IOException("keytool failed (exit " + p.exitValue() + "): " + out);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        java.nio.file.Files.deleteIfExists(tmp);
        java.nio.file.Files.createFile(tmp);
        if (secret) ownerOnly(tmp, "rw-------"); // before a byte of the key is written
        java.nio.file.Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            java.nio.file.Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            java.nio.file.Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            java.nio.file.Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's ACL (the user's profile) is what protects it
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
