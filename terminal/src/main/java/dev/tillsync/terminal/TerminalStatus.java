package dev.tillsync.terminal;

import dev.tillsync.core.sync.ClockOffset;
import java.time.Instant;

/**
 * Everything {@code terminal status} shows.
 *
 * @param linkStatus    "Not linked", "Linked", "Unlink in progress" or "Unlinked"
 * @param onlineSince   when the terminal last switched to its current online/offline state
 * @param clockOffset   this till's clock minus the server's, from the Date header of the server's last answer; null
 *                      before any answer
 */
public record TerminalStatus(String posId, String serverUrl, String linkStatus, boolean online, Instant onlineSince,
                             long pending, long syncing, long failed, long synced, Instant lastSync, String lastError,
                             Instant lastErrorAt, String loggedInUser, ShiftInfo openShift, String profile,
                             ClockOffset clockOffset) {}
