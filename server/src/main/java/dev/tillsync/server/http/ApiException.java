package dev.tillsync.server.http;

import dev.tillsync.server.refusal.Refusal;

/**
 * A refusal that only the HTTP layer can make (a malformed query parameter, a body over the transport's limit),
 * with the status the client sees. Domain code throws {@link Refusal} instead; this is one so that every
 * handler that maps refusals maps these too.
 */
public class ApiException extends Refusal {
    private final int status;

    public ApiException(int status, String code, String message) {
        super(kindOf(status), code, message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 413 -> Kind.TOO_LARGE;
            case 422 -> Kind.UNPROCESSABLE;
            case 503 -> Kind.UNAVAILABLE;
            case 429 -> Kind.TOO_MANY;
            default -> Kind.INVALID;
        };
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }
}
