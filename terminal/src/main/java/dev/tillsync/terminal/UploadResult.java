package dev.tillsync.terminal;

/** The server's answer to an uploaded export file. */
public record UploadResult(String posId, int accepted, int duplicates, int rejected) {}
