package dev.tillsync.terminal;

import dev.tillsync.core.sync.ConnectionStatus;
import java.time.Instant;

/** What the engine tells its listeners (the desktop UI, the CLI progress bar). Delivered on engine threads. */
public sealed interface TerminalEvent {
    /** The terminal went online or offline at {@code at}; {@code reason} says why it thinks so. */
    record ConnectivityChanged(boolean online, Instant at, String reason) implements TerminalEvent {}

    /** Push progress: rows sent of the total to send, batches done. */
    record SyncProgress(int sent, int total, int batches) implements TerminalEvent {}

    /** Pull progress: changes applied so far and the server's estimate of what remains. */
    record PullProgress(long applied, long remaining) implements TerminalEvent {}

    /** A sync ended (completed or stopped early). */
    record SyncFinished(SyncSummary summary) implements TerminalEvent {}

    /** The device's link status changed (e.g. the back office asked to unlink). */
    record UnlinkStateChanged(ConnectionStatus status) implements TerminalEvent {}

    /** A sale or return was recorded. */
    record SaleRecorded(String number, long grandTotalMinor, boolean offline) implements TerminalEvent {}
}
