package dev.tillsync.core.sync;

/** Body of {@code POST /api/v1/terminal/link}: a one-time link code and a free-text device label. */
public record LinkRequest(String code, String deviceLabel) {}
