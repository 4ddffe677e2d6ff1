package dev.tillsync.server.console;

import dev.tillsync.server.auth.Role;
import dev.tillsync.server.auth.TokenService;

/** The signed-in console user of one request, with the CSRF token its forms must carry. */
record ConsoleUser(TokenService.Session session, String token, String csrf) {

    String email() {
        return session.email();
    }

    Role role() {
        return session.role();
    }

    /** The same role order the API enforces (http/Access): Accounts User reads, Accounts Manager edits, System Manager also users. */
    boolean can(Role atLeast) {
        return session.role().atLeast(atLeast);
    }

    boolean canEdit() {
        return can(Role.ACCOUNTS_MANAGER);
    }
}
