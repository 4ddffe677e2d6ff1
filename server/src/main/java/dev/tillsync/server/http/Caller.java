package dev.tillsync.server.http;

import io.javalin.security.RouteRole;

/**
 * The route roles that are not a server user's {@link dev.tillsync.server.auth.Role}: a route anyone may call
 * (health, login, linking redeems a one-time code), and a route only a linked device may call (its sync calls).
 */
public enum Caller implements RouteRole {
    ANYONE,
    DEVICE
}
