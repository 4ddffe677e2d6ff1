package dev.tillsync.terminal;

/**
 * A completed link. The device is linked even when the first pull failed ({@code pullError} says why; run a sync).
 */
public record LinkResult(String posId, int changesPulled, String pullError) {}
