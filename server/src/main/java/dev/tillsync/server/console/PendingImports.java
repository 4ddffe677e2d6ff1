package dev.tillsync.server.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Files previewed on the import page, kept in memory under a one-time token until their user applies them, so
 * "Apply" imports exactly the file that was previewed without sending it again. Invariant: a token is taken at most
 * once and only by the user who previewed it; a file older than {@link #TTL} or beyond the newest {@link #MAX}
 * is forgotten (the user previews it again).
 */
final class PendingImports {
    static final Duration TTL = Duration.ofMinutes(30);
    static final int MAX = 8;

    record Pending(ImportKind kind, String filename, byte[] bytes, String email, Instant at) {}

    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Pending> byToken = new LinkedHashMap<>();

    synchronized String keep(ImportKind kind, String filename, byte[] bytes, String email) {
        Instant now = Instant.now();
        byToken.values().removeIf(p -> p.at().plus(TTL).isBefore(now));
        while (byToken.size() >= MAX) byToken.remove(byToken.keySet().iterator().next());
        byte[] t = new byte[18];
        random.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        byToken.put(token, new Pending(kind, filename, bytes, email, now));
        return token;
    }

    /** The file under {@code token}, removed; empty when unknown, expired or previewed by someone else. */
    synchronized Optional<Pending> take(String token, String email) {
        if (token == null) return Optional.empty();
        Pending p = byToken.get(token);
        if (p == null || !p.email().equals(email) || p.at().plus(TTL).isBefore(Instant.now())) return Optional.empty();
        byToken.remove(token);
        return Optional.of(p);
    }
}
