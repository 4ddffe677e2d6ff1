package dev.tillsync.core.export;

/** An export file that cannot be trusted or read; {@link #code()} is the API error code. */
public class ExportFileException extends Exception {
    private final String code;

    public ExportFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
