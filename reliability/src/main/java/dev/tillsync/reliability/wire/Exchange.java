package dev.tillsync.reliability.wire;

import java.util.Map;

/**
 * One recorded call between a till and its server, as it crossed the wire: the till's method, path with query,
 * protocol headers and body, and the server's status and body. Bodies are bytes (an export file is gzip).
 */
public record Exchange(String method, String path, Map<String, String> requestHeaders, byte[] requestBody, int status,
                       byte[] answerBody) {
    /** The request headers that carry protocol meaning; the rest (Host, User-Agent, lengths) are the transport's. */
    public static final java.util.List<String> PROTOCOL_HEADERS = java.util.List.of("Content-Type", "X-Pos-Id", "Authorization",
            "X-Sync-Features", "X-Sync-Protocol", "X-Clock-Offset-Ms", "X-Synced-Through");

    public Exchange {
        requestHeaders = Map.copyOf(requestHeaders);
    }
}
