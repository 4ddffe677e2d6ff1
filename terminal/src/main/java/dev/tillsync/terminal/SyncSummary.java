package dev.tillsync.terminal;

import java.time.Duration;
import java.util.List;

/**
 * What one sync did.
 *
 * @param sent      rows sent (a resent row counts each time)
 * @param synced    rows now Synced that were accepted the first time
 * @param duplicates rows the server already held (answered duplicate)
 * @param failed    rows the server rejected, with reasons
 * @param pulledChanges master-data changes applied
 * @param error     why the sync stopped early (server unreachable, refused...), null when it completed
 */
public record SyncSummary(int sent, int batches, int synced, int duplicates, List<FailedRow> failed, int pulledChanges,
                          Duration took, String error) {
    public SyncSummary {
        failed = List.copyOf(failed);
    }

    public boolean completed() {
        return error == null;
    }
}
