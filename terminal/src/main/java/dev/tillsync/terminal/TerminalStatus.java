package dev.tillsync.terminal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tillsync.core.sync.ClockOffset;
import java.time.Instant;

/**
 * Everything {@code terminal status} shows.
 *
 * @param linkStatus    "Not linked", "Linked", "Unlink in progress" or "Unlinked"
 * @param onlineSince   when the terminal last switched to its current online/offline state; {@code connectionSince} in
 *                      JSON (always present, null before the first switch), because it is the moment the till went
 *                      offline as often as online
 * @param clockOffset   this till's clock minus the server's, from the Date header of the server's last answer; null
 *                      before any answer
 * @param pricesAsOf    when the till last applied a pull page or pulled and found nothing new: its prices are the
 *                      server's as of then; null before the first pull
 */
public record TerminalStatus(String posId, String serverUrl, String linkStatus, boolean online,
                             @JsonProperty("connectionSince") @JsonInclude(JsonInclude.Include.ALWAYS) Instant onlineSince,
                             long pending, long syncing, long failed, long synced, Instant lastSync, String lastError,
                             Instant lastErrorAt, String loggedInUser, ShiftInfo openShift, String profile,
                             ClockOffset clockOffset, Instant pricesAsOf) {
    /** Every transaction the server has not confirmed (pending, syncing or failed): the one figure to trust. */
    @JsonProperty("notSynced")
    public long notSynced() {
        return pending + syncing + failed;
    }
}
