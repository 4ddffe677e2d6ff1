package dev.tillsync.server.http;

import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.core.sync.SyncProtocol;
import io.javalin.http.Context;
import java.util.OptionalInt;

/**
 * Checks the sync protocol version of every till call (a device-authenticated call, or a link) before any handler
 * runs, and names the server's versions on every answer. Invariant: a till outside {@code min}..{@link
 * SyncProtocol#CURRENT} gets a refusal saying what to update and nothing of its call is read or written.
 */
final class ProtocolGate {
    private final int min;

    /** {@code min}: the oldest version this server still serves (the server's --min-sync-protocol, checked by ServerOptions). */
    ProtocolGate(int min) {
        this.min = min;
    }

    void check(Context ctx) {
        ctx.header(SyncProtocol.RANGE_HEADER, SyncProtocol.range(min, SyncProtocol.CURRENT));
        if (!fromTill(ctx)) return;
        String header = ctx.header(SyncProtocol.HEADER);
        OptionalInt version = SyncProtocol.parse(header);
        if (version.isEmpty()) {
            throw ApiException.badRequest("invalid_request", SyncProtocol.HEADER + " must be a whole number (the till's sync protocol"
                    + " version), not '" + abbreviate(header) + "'.");
        }
        SyncProtocol.Mismatch m = SyncProtocol.check(version.getAsInt(), min, SyncProtocol.CURRENT);
        if (m != null) throw new ApiException(m.code().equals("protocol_too_old") ? 426 : 409, m.code(), m.message());
    }

    private static boolean fromTill(Context ctx) {
        return ctx.header(SyncHeaders.POS_ID) != null || ctx.path().equals(ApiRoutes.P + "/terminal/link");
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
