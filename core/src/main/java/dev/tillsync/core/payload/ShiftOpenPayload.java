package dev.tillsync.core.payload;

import java.time.Instant;

/** Outbox payload of kind {@code shift_open}. */
public record ShiftOpenPayload(String shiftUuid, String user, String shiftType, long openingFloatMinor, Instant openedAt) {}
