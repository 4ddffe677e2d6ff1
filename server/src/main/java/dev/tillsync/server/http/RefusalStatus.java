package dev.tillsync.server.http;

import dev.tillsync.server.refusal.Refusal;

/** The one place a domain refusal becomes an HTTP status; the API and the console both ask it. */
public final class RefusalStatus {
    private RefusalStatus() {}

    public static int of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
            case TOO_MANY -> 429;
        };
    }
}
