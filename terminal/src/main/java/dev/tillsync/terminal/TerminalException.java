package dev.tillsync.terminal;

/**
 * Every refusal or failure the terminal reports to a person: a stable {@link #code()} for scripts and UIs
 * and a message that says what happened and what to do. Thrown before anything is written, or after a
 * rolled-back transaction, so nothing is half-recorded.
 */
public class TerminalException extends RuntimeException {
    private final String code;

    public TerminalException(String code, String message) {
        super(message);
        this.code = code;
    }

    public TerminalException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Machine-readable reason, e.g. {@code unknown_item}, {@code no_open_shift}, {@code server_unreachable}. */
    public String code() {
        return code;
    }
}
