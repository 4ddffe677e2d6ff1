package dev.tillsync.terminal;

import java.time.Instant;

/** An open (or just closed) shift. */
public record ShiftInfo(String uuid, String user, String shiftType, long openingFloatMinor, Instant openedAt) {}
