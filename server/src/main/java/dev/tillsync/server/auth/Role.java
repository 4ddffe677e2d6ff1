package dev.tillsync.server.auth;

import dev.tillsync.server.refusal.Refusal;
import io.javalin.security.RouteRole;

/**
 * Server roles of the seed's permission table, weakest first: each role may do everything the ones before it may.
 * An API route names the weakest role it allows (see http/ApiRoutes).
 */
public enum Role implements RouteRole {
    ACCOUNTS_USER("Accounts User"),
    ACCOUNTS_MANAGER("Accounts Manager"),
    SYSTEM_MANAGER("System Manager");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Role fromLabel(String s) {
        for (Role r : values()) {
            if (r.label.equalsIgnoreCase(s) || r.name().equalsIgnoreCase(s)) return r;
        }
        throw Refusal.invalid("invalid_role", "Unknown role '" + s + "'; use Accounts User, Accounts Manager or System Manager.");
    }
}
