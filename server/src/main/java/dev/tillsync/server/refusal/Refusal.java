package dev.tillsync.server.refusal;

/**
 * Why the back office will not do what it was asked, in words the asker can act on. Domain code (devices, auth,
 * ingest, catalogue) throws this and knows nothing of HTTP; the API and the console each map {@link Kind} to
 * what their client sees (a status and a JSON body, or a page), and the CLI prints the message.
 *
 * <p>Invariant: a Refusal is thrown before anything is written, or inside the transaction it aborts, so a
 * refused request leaves nothing half-written.
 */
public class Refusal extends RuntimeException {
    /** What sort of refusal this is; the transport decides how to say it (HttpApi maps each to a status). */
    public enum Kind {
        /** The request itself is malformed or breaks a rule (400). */
        INVALID,
        /** No valid credentials came with it (401). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (403). */
        FORBIDDEN,
        /** What it names does not exist (404). */
        NOT_FOUND,
        /** It clashes with the current state: a stale version, a duplicate, a device in the wrong state (409). */
        CONFLICT,
        /** Its body is larger than the named limit (413). */
        TOO_LARGE,
        /** Well-formed, but its content cannot be processed: a tampered or unreadable file (422). */
        UNPROCESSABLE,
        /** The server cannot serve it right now; the caller may retry later (503). */
        UNAVAILABLE,
        /** The caller tried too often; it may retry after the time the refusal names (429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable machine-readable code (the API's {@code error} field), e.g. {@code stale_version}. */
    public String code() {
        return code;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal unauthenticated(String code, String message) {
        return new Refusal(Kind.UNAUTHENTICATED, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, "not_found", message);
    }

    /** Not found, under a code that says what was looked for (e.g. {@code unknown_invoice}). */
    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal tooLarge(String code, String message) {
        return new Refusal(Kind.TOO_LARGE, code, message);
    }

    public static Refusal unprocessable(String code, String message) {
        return new Refusal(Kind.UNPROCESSABLE, code, message);
    }

    public static Refusal unavailable(String code, String message) {
        return new Refusal(Kind.UNAVAILABLE, code, message);
    }
}
