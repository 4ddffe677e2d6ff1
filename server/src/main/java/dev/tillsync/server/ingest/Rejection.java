package dev.tillsync.server.ingest;

/** A row the server refuses, with the machine code and a sentence a person can act on. */
public class Rejection extends Exception {
    private final String code;

    public Rejection(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
