package dev.tillsync.core.sync;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/sync/pull?cursor=&limit=}. The terminal applies {@code changes} in one
 * transaction and stores {@code nextCursor} in that same transaction (invariant 5). {@code hasMore} says
 * whether to ask again straight away. {@code remaining} is an estimate for progress bars.
 */
public record PullPage(String nextCursor, boolean hasMore, long remaining, List<Change> changes) {
    public PullPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
