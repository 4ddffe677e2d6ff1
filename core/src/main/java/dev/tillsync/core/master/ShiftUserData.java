package dev.tillsync.core.master;

/** A shift user of this device: which shift type the user may open. */
public record ShiftUserData(String email, String shiftType) {}
