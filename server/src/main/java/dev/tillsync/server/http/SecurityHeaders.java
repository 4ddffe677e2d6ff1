package dev.tillsync.server.http;

import io.javalin.http.Context;

/**
 * The headers every answer carries, console page or API JSON, set before any handler so errors carry them too.
 * Invariant: the console serves no inline script or style (console.js and console.css only; the link-code QR is a
 * data: image), so the policy needs no 'unsafe-inline' and a printed value can never run as script.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
