package dev.tillsync.server.http;

import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.TokenService;
import io.javalin.http.Context;

/** The role matrix: every user endpoint names the weakest role allowed; a weaker role gets 403. */
public final class Access {
    private final TokenService tokens;

    public Access(TokenService tokens) {
        this.tokens = tokens;
    }

    public TokenService.Session require(Context ctx, Role atLeast) {
        TokenService.Session s = tokens.verify(bearer(ctx));
        if (!s.role().atLeast(atLeast)) {
            throw ApiException.forbidden("forbidden", "This needs the " + atLeast.label() + " role or higher; you are " + s.role().label() + ".");
        }
        return s;
    }

    public static String bearer(Context ctx) {
        String a = ctx.header("Authorization");
        if (a == null || !a.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return a.substring(7).trim();
    }
}
