package dev.tillsync.core.sync;

/**
 * How a device authenticates every sync call: its POS ID in {@code X-Pos-Id} and the secret issued at
 * linking as {@code Authorization: Device <secret>}. A push also carries the till's last measured clock offset
 * ({@link ClockOffset}, milliseconds, the till's clock minus the server's) in {@code X-Clock-Offset-Ms}.
 */
public final class SyncHeaders {
    public static final String POS_ID = "X-Pos-Id";
    public static final String AUTHORIZATION = "Authorization";
    public static final String SCHEME = "Device ";
    public static final String CLOCK_OFFSET = "X-Clock-Offset-Ms";

    private SyncHeaders() {}
}
