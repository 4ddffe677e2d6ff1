package dev.tillsync.server.master;

import dev.tillsync.server.refusal.Refusal;
import java.util.List;

/** One page of a master-data list: the rows from {@code offset}, at most {@code limit}, of {@code total} matching. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public static final int MAX_LIMIT = 500;

    /** The limit asked for, 50 when none; refused outside 1-500. */
    public static int limit(Integer limit) {
        if (limit == null) return 50;
        if (limit < 1 || limit > MAX_LIMIT) throw Refusal.invalid("invalid_limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        return limit;
    }

    public static int offset(Integer offset) {
        if (offset == null) return 0;
        if (offset < 0) throw Refusal.invalid("invalid_offset", "offset must be 0 or more.");
        return offset;
    }

    /** The search text as a LIKE pattern on lower case ('' matches all); % and _ typed by the user match themselves. */
    public static String like(String q) {
        String t = q == null ? "" : q.strip().toLowerCase();
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
