package dev.tillsync.server.console;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.TokenService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions over the API's bearer tokens: the token lives only in an HttpOnly, SameSite=Strict
 * cookie. Invariant: the CSRF token is derived from the session token, so it is per session, needs no
 * server state (any instance can check it) and cannot be computed by a page that cannot read the cookie.
 */
final class ConsoleAuth {
    static final String COOKIE = "tillsync_console";
    /** Before there is a session: a random value whose hash the sign-in form must carry (a double-submit token). */
    static final String SIGNIN_COOKIE = "tillsync_signin";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PATH = "/console";

    private final Services s;

    ConsoleAuth(Services services) {
        this.s = services;
    }

    Optional<ConsoleUser> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isBlank()) return Optional.empty();
        try {
            TokenService.Session session = s.tokens().verify(token);
            return Optional.of(new ConsoleUser(session, token, csrfFor(token)));
        } catch (Refusal e) {
            return Optional.empty();
        }
    }

    /** Checks the password with the API's TokenService and sets the session cookie; a Refusal (401) when wrong. */
    void signIn(Context ctx, String email, String password) {
        TokenService.Login login = s.tokens().login(email, password, ctx.ip());
        int maxAge = (int) Math.max(1, Duration.between(Instant.now(), login.expiresAt()).toSeconds());
        ctx.cookie(new Cookie(COOKIE, login.token(), PATH, maxAge, secure(ctx), true, null, SameSite.STRICT));
        ctx.cookie(new Cookie(SIGNIN_COOKIE, "", PATH, 0, secure(ctx), true, null, SameSite.STRICT));
    }

    /** Ends this session only (the user's other sessions and API tokens stay valid). */
    void signOut(Context ctx, ConsoleUser u) {
        s.tokens().revoke(u.token());
        ctx.cookie(new Cookie(COOKIE, "", PATH, 0, secure(ctx), true, null, SameSite.STRICT));
    }

    boolean csrfValid(Context ctx, ConsoleUser u) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) given = ctx.formParam(CSRF_FIELD);
        return Secrets.sameDigest(given, u.csrf());
    }

    /**
     * The one rule for the Secure flag of every console cookie: the request came over TLS, either through the
     * server's own HTTPS connector (Jetty then reports the scheme https) or, never trusted from a header, not at all.
     */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /** The CSRF token the sign-in form carries, setting the pre-session cookie it derives from when missing. */
    String signInToken(Context ctx) {
        String seed = ctx.cookie(SIGNIN_COOKIE);
        if (seed == null || seed.isBlank()) {
            seed = Secrets.randomToken(32);
            ctx.cookie(new Cookie(SIGNIN_COOKIE, seed, PATH, -1, secure(ctx), true, null, SameSite.STRICT));
        }
        return signInCsrfFor(seed);
    }

    /** Whether a sign-in post carries the token of the cookie this browser got with the form. */
    boolean signInCsrfValid(Context ctx) {
        String seed = ctx.cookie(SIGNIN_COOKIE);
        if (seed == null || seed.isBlank()) return false;
        return Secrets.sameDigest(ctx.formParam(CSRF_FIELD), signInCsrfFor(seed));
    }

    private static String signInCsrfFor(String seed) {
        return Secrets.sha256("tillsync-console-signin:" + seed);
    }

    static String csrfFor(String token) {
        return Secrets.sha256("tillsync-console-csrf:" + token);
    }
}
