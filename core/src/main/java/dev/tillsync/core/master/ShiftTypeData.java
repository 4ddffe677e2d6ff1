package dev.tillsync.core.master;

/** A shift type, e.g. "Morning" 08:00-16:00 (times as HH:mm text). */
public record ShiftTypeData(String name, String startTime, String endTime) {}
