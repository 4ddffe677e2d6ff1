package dev.tillsync.core.sync;

import java.util.OptionalInt;

/**
 * The version of the sync protocol (link, push, pull, unlink-complete, export-file upload, sale lookup). A fleet is
 * never upgraded at once, so every till names its version on every call and every server says which versions it
 * speaks in every answer; a mismatch is refused with what to update, never synced half-understood.
 *
 * <ul>
 *   <li>{@value #UNVERSIONED}: releases before this header (they name features in {@link SyncHeaders#FEATURES} only).
 *   <li>2: this release: the header itself; features high-water, master-v2, sale-v2. Its wire form is kept as golden
 *       fixtures (reliability {@code wire/}) that every later server must accept and answer compatibly.
 * </ul>
 * A new version is added when a change would make an older party mis-read a message; adding an optional feature a
 * till opts into stays within {@link SyncHeaders#FEATURES}.
 */
public final class SyncProtocol {
    /** Request header: the version the calling till speaks. */
    public static final String HEADER = "X-Sync-Protocol";
    /** Answer header on every API answer: the versions this server speaks, "MIN-MAX". */
    public static final String RANGE_HEADER = "X-Sync-Protocol-Range";
    /** What a call without {@link #HEADER} speaks: releases from before the header. */
    public static final int UNVERSIONED = 1;
    /** What this release speaks. */
    public static final int CURRENT = 2;

    private SyncProtocol() {}

    /** The version a header value names: empty when it is not a positive whole number. */
    public static OptionalInt parse(String header) {
        if (header == null) return OptionalInt.of(UNVERSIONED);
        String v = header.trim();
        if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) return OptionalInt.empty();
        int n = Integer.parseInt(v);
        return n < 1 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** "MIN-MAX", as {@link #RANGE_HEADER} carries it. */
    public static String range(int min, int max) {
        return min + "-" + max;
    }

    /** The versions a {@link #RANGE_HEADER} value names, as {min, max}; null when it is absent or malformed. */
    public static int[] parseRange(String header) {
        if (header == null) return null;
        String[] p = header.trim().split("-");
        if (p.length != 2) return null;
        OptionalInt min = parse(p[0]);
        OptionalInt max = parse(p[1]);
        if (p[0].isBlank() || p[1].isBlank() || min.isEmpty() || max.isEmpty() || min.getAsInt() > max.getAsInt()) return null;
        return new int[] {min.getAsInt(), max.getAsInt()};
    }

    /** What a till of {@code version} must be told by a server that speaks {@code min}..{@code max}; null when it may sync. */
    public static Mismatch check(int version, int min, int max) {
        if (version < min) {
            return new Mismatch("protocol_too_old", "This till speaks sync protocol " + version + "; the server needs " + min
                    + " or newer. Update tillsync on this till: its sales stay on it and are sent once it is updated.");
        }
        if (version > max) {
            return new Mismatch("protocol_too_new", "This till speaks sync protocol " + version + "; the server speaks only "
                    + range(min, max) + ". Update the server to this till's release: the till keeps its sales and sends them"
                    + " once the server is updated.");
        }
        return null;
    }

    /** A version mismatch: the error code and what the person at the till (or the server) must do. */
    public record Mismatch(String code, String message) {}
}
