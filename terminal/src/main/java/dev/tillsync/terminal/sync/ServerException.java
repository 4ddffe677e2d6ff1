package dev.tillsync.terminal.sync;

import dev.tillsync.terminal.TerminalException;

/**
 * A failed call to the server. {@link #unreachable()} tells the connectivity monitor the line is down
 * (no connection, timeout, connection closed mid-answer); other failures mean the server answered but refused
 * or misbehaved.
 */
public final class ServerException extends TerminalException {
    private final boolean unreachable;
    private final int httpStatus;

    public ServerException(String code, String message, boolean unreachable, int httpStatus, Throwable cause) {
        super(code, message, cause);
        this.unreachable = unreachable;
        this.httpStatus = httpStatus;
    }

    public boolean unreachable() {
        return unreachable;
    }

    /** HTTP status, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }
}
