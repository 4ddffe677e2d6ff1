package dev.tillsync.core.sync;

/** Body of {@code POST /api/v1/terminal/unlink-complete}: the terminal's last sequence, all pushed. */
public record UnlinkComplete(String posId, long lastSeq) {}
