package dev.tillsync.terminal;

import java.time.Instant;

/** One entry of the terminal's append-only event log (what happened, when, to what), newest first in listings. */
public record LogEntry(long id, Instant at, String type, String ref, String detail) {}
