package dev.tillsync.server.auth;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.server.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Bearer tokens for server users; the one writer of auth_token. Invariant: only sha256 of a token is stored, in
 * PostgreSQL, so any server instance can check any token and a leaked table cannot be replayed.
 */
public final class TokenService {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final String DUMMY_HASH = Secrets.bcrypt("timing-equaliser");

    private final Jdbi jdbi;
    private final LoginThrottle throttle;

    public TokenService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.throttle = new LoginThrottle(jdbi);
    }

    public record Session(long userId, String email, Role role) {}

    public record Login(String token, Instant expiresAt, String email, String role) {}

    /** A sign-in from a process on this machine (the CLI, tests): throttled under the address "local". */
    public Login login(String email, String password) {
        return login(email, password, "local");
    }

    /** A sign-in from {@code address}: refused with 429 while the account or the address is locked ({@link LoginThrottle}). */
    public Login login(String email, String password, String address) {
        if (email == null || password == null) {
            throw Refusal.invalid("invalid_request", "Give email and password.");
        }
        throttle.check(email, address);
        record Row(long id, String email, String passwordHash, String role) {}
        Optional<Row> user = jdbi.withHandle(h -> h.createQuery("select id, email, password_hash, role from app_user where email = :e and role <> 'Cashier' and active and password_hash is not null")
                .bind("e", email.trim().toLowerCase())
                .map(ConstructorMapper.of(Row.class))
                .findOne());
        boolean ok = Secrets.bcryptMatches(password, user.map(Row::passwordHash).orElse(DUMMY_HASH)) && user.isPresent();
        if (!ok) {
            throttle.failed(email, address);
            throw Refusal.unauthenticated("invalid_credentials", "Wrong email or password.");
        }
        throttle.succeeded(email);
        String token = Secrets.randomToken(32);
        Instant expires = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        jdbi.useTransaction(h -> {
            h.execute("delete from auth_token where expires_at < now()");
            h.createUpdate("insert into auth_token (token_hash, user_id, expires_at) values (:t, :u, :x)")
                    .bind("t", Secrets.sha256(token)).bind("u", user.get().id()).bind("x", expires).execute();
        });
        return new Login(token, expires, user.get().email(), user.get().role());
    }

    /** The session of a bearer token, or 401. */
    public Session verify(String token) {
        if (token == null || token.isBlank()) {
            throw Refusal.unauthenticated("unauthenticated", "Log in first (POST /api/v1/auth/login) and send Authorization: Bearer <token>.");
        }
        record Row(long id, String email, String role, boolean expired) {}
        Row row = jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.email, u.role, t.expires_at < now() as expired
                        from auth_token t join app_user u on u.id = t.user_id where t.token_hash = :t and u.role <> 'Cashier' and u.active
                        """)
                .bind("t", Secrets.sha256(token.trim()))
                .map(ConstructorMapper.of(Row.class))
                .findOne()
                .orElseThrow(() -> Refusal.unauthenticated("unauthenticated", "Unknown or revoked token; log in again.")));
        if (row.expired()) {
            throw Refusal.unauthenticated("token_expired", "Your session has expired; log in again.");
        }
        return new Session(row.id(), row.email(), Role.fromLabel(row.role()));
    }

    /** Ends one session (a console sign-out); the user's other tokens stay valid. */
    public void revoke(String token) {
        jdbi.useHandle(h -> h.createUpdate("delete from auth_token where token_hash = :t").bind("t", Secrets.sha256(token)).execute());
    }

    /** For tests and operators: ends a token's validity now. */
    public void expireAll(long userId) {
        jdbi.useHandle(h -> h.createUpdate("update auth_token set expires_at = now() - interval '1 second' where user_id = :u")
                .bind("u", userId).execute());
    }
}
