package dev.tillsync.server;

/**
 * Every size limit of the back office, named once: the API, the console, the CLI and the domain checks read
 * them from here, so a limit a message names is the limit that is enforced.
 */
public final class Limits {
    private Limits() {}

    private static final long MIB = 1024L * 1024;

    /** A device's "POS Sync Rows Per Request": fewest and most rows a till may push (and pull) in one request. */
    public static final int ROWS_PER_REQUEST_MIN = 1;
    public static final int ROWS_PER_REQUEST_MAX = 5000;
    /** Rows per request for a device created without the setting, and per pull page when the till names no limit. */
    public static final int ROWS_PER_REQUEST_DEFAULT = 500;

    /** Largest body of an ordinary JSON request (login, device form, link). */
    public static final long SMALL_BODY_BYTES = MIB;
    /** Largest push body: 5,000 rows of a few KB each fit well inside it. */
    public static final long PUSH_BODY_BYTES = 8 * MIB;
    /** Largest upload of a till's export file, through the API or the console. */
    public static final long IMPORT_FILE_BYTES = 64 * MIB;

    /** Largest CSV file the catalogue, stock or customer import reads (50,000 items with barcodes are about 10 MB). */
    public static final long CSV_IMPORT_BYTES = 100 * MIB;

    /** Largest clock offset a push may report (X-Clock-Offset-Ms), either way: ten years, beyond any clock merely set wrong. */
    public static final long CLOCK_OFFSET_MAX_MS = 3650L * 86_400_000L;

    /** "64 MiB": a limit as a person reads it in an error message. */
    public static String mib(long bytes) {
        return (bytes / MIB) + " MiB";
    }
}
