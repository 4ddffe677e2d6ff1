package dev.tillsync.server.master;

import dev.tillsync.server.refusal.Refusal;

/**
 * Optimistic locking for master records: an update names the version it read (the API's {@code version} field or
 * {@code If-Match}); a record changed since is refused, never merged silently.
 */
public final class Versions {
    private Versions() {}

    /** Refuses (409 stale_version) when the record is no longer at {@code read}. */
    public static void check(String what, String key, Integer read, int current) {
        if (read == null) {
            throw Refusal.invalid("version_required", "Updating " + what + " '" + key + "' needs the version you read (field 'version' or If-Match).");
        }
        if (read != current) {
            throw Refusal.conflict("stale_version", what.substring(0, 1).toUpperCase() + what.substring(1) + " '" + key
                    + "' was changed by someone else since you read it (your version " + read + ", now " + current
                    + "); reload it, then make your change again.");
        }
    }
}
