package dev.tillsync.core.sync;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/sync/pull?cursor=&limit=}. The terminal applies {@code changes} in one
 * transaction and stores {@code nextCursor} in that same transaction (invariant 5). {@code hasMore} says
 * whether to ask again straight away. {@code remaining} is an estimate for progress bars. {@code highWater}: the
 * device's {@link HighWater} marks, only for a till that asked for them ({@link SyncHeaders#FEATURES}), else null
 * and absent from the JSON. {@code resendAfter}: as on {@link PushResult}.
 */
public record PullPage(String nextCursor, boolean hasMore, long remaining, List<Change> changes, HighWater highWater, Long resendAfter) {
    public PullPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public PullPage(String nextCursor, boolean hasMore, long remaining, List<Change> changes, HighWater highWater) {
        this(nextCursor, hasMore, remaining, changes, highWater, null);
    }

    public PullPage(String nextCursor, boolean hasMore, long remaining, List<Change> changes) {
        this(nextCursor, hasMore, remaining, changes, null, null);
    }

    /** The page that also asks the till to send again every row after {@code seq}: see {@link SyncHeaders#RESEND}. */
    public PullPage withResendAfter(long seq) {
        return new PullPage(nextCursor, hasMore, remaining, changes, highWater, seq);
    }

    public PullPage withHighWater(HighWater marks) {
        return new PullPage(nextCursor, hasMore, remaining, changes, marks, resendAfter);
    }
}
