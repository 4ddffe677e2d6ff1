package dev.tillsync.terminal;

/** A row the server rejected, with its reason. */
public record FailedRow(String uuid, long seq, String ref, String code, String message) {}
