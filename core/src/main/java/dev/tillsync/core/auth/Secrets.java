package dev.tillsync.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashing of secrets people choose (passwords, PINs: bcrypt, slow on purpose) and of secrets the
 * system issues (device secrets, tokens: 256 random bits, so a fast SHA-256 is enough and keeps
 * every sync call cheap).
 */
public final class Secrets {
    private static final int BCRYPT_COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String bcrypt(String secret) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, secret.toCharArray());
    }

    public static boolean bcryptMatches(String secret, String hash) {
        if (secret == null || hash == null || hash.isEmpty()) return false;
        return BCrypt.verifyer().verify(secret.toCharArray(), hash).verified;
    }

    /** A new random token of {@code bytes} bytes, hex-encoded. */
    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean sameDigest(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
