package dev.tillsync.server.http;

import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.TokenService;
import dev.tillsync.server.device.DeviceAuth;
import dev.tillsync.server.device.DeviceRecord;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication check of the API, run before every /api/v1 handler from the roles its route declares
 * (see {@link ApiRoutes}): {@link Caller#ANYONE} passes; {@link Caller#DEVICE} checks the device headers; a
 * {@link Role} needs a bearer token of at least the weakest role named, and a weaker role gets 403. A route open
 * to a device and a user (imports) takes the device when the request carries device authentication. Handlers
 * read the caller the check stored, so a handler cannot forget to check.
 */
final class Access {
    private static final String SESSION = "tillsync.session";
    private static final String DEVICE = "tillsync.device";

    private final TokenService tokens;
    private final DeviceAuth devices;

    Access(TokenService tokens, DeviceAuth devices) {
        this.tokens = tokens;
        this.devices = devices;
    }

    /** The {@code beforeMatched} handler of /api/v1; a route that declares no role is a programming error (500). */
    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Caller.ANYONE)) return;
        Optional<Role> user = roles.stream().filter(Role.class::isInstance).map(Role.class::cast).min(Comparator.naturalOrder());
        String authorization = ctx.header(SyncHeaders.AUTHORIZATION);
        if (roles.contains(Caller.DEVICE) && (user.isEmpty() || DeviceAuth.isDeviceAuth(authorization))) {
            ctx.attribute(DEVICE, devices.authenticate(ctx.header(SyncHeaders.POS_ID), authorization));
        } else if (user.isPresent()) {
            ctx.attribute(SESSION, require(ctx, user.get()));
        } else {
            throw new IllegalStateException("API route " + ctx.endpoint().path + " declares no role");
        }
    }

    /** The signed-in user of a route that declared a user role. */
    static TokenService.Session session(Context ctx) {
        TokenService.Session s = ctx.attribute(SESSION);
        if (s == null) throw new IllegalStateException("route " + ctx.endpoint().path + " has no user session");
        return s;
    }

    /** The authenticated device of a route that declared {@link Caller#DEVICE}. */
    static DeviceRecord device(Context ctx) {
        return callingDevice(ctx).orElseThrow(() -> new IllegalStateException("route " + ctx.endpoint().path + " has no device"));
    }

    /** The device, when the route allows a device or a user and a device called. */
    static Optional<DeviceRecord> callingDevice(Context ctx) {
        return Optional.ofNullable(ctx.attribute(DEVICE));
    }

    private TokenService.Session require(Context ctx, Role atLeast) {
        TokenService.Session s = tokens.verify(bearer(ctx));
        if (!s.role().atLeast(atLeast)) {
            throw Refusal.forbidden("forbidden", "This needs the " + atLeast.label() + " role or higher; you are " + s.role().label() + ".");
        }
        return s;
    }

    private static String bearer(Context ctx) {
        String a = ctx.header("Authorization");
        if (a == null || !a.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return a.substring(7).trim();
    }
}
