package dev.tillsync.core.sync;

/**
 * How a device authenticates every sync call: its POS ID in {@code X-Pos-Id} and the secret issued at
 * linking as {@code Authorization: Device <secret>}.
 */
public final class SyncHeaders {
    public static final String POS_ID = "X-Pos-Id";
    public static final String AUTHORIZATION = "Authorization";
    public static final String SCHEME = "Device ";

    private SyncHeaders() {}
}
