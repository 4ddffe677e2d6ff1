package dev.tillsync.terminal;

import java.time.Instant;
import java.util.Set;

/** The logged-in device user; kept in the store until logout, so it survives restarts. */
public record UserSession(String email, String displayName, Set<Permission> permissions, Instant loggedInAt) {
    public UserSession {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }
}
