package dev.tillsync.server.console;

import dev.tillsync.server.auth.Role;

/**
 * What the page frame (layout.jte) shows around every signed-in page: the tabs, who is signed in, and the CSRF
 * token that every form on the page, the sign-out form included, must carry.
 */
record Frame(Tab active, String title, String email, String role, boolean usersTab, String csrf) {
    enum Tab { DEVICES, SYNC, RECONCILIATION, UPLOAD, USERS, NONE, STAFF, SETTINGS, PROFILES, TODAY, SALES, REPORTS,
        CATALOG, STOCK, PAYMENT_MODES, SHIFT_TYPES, CUSTOMERS, IMPORT }

    static Frame of(ConsoleUser u, Tab active, String title) {
        return new Frame(active, title, u.email(), u.role().label(), u.can(Role.SYSTEM_MANAGER), u.csrf());
    }

    /** The class of a tab's link: "active" for the page's own tab, none for the others. */
    String tabClass(Tab t) {
        return t == active ? "active" : null;
    }

    /** The shop-setup pages sit under one Setup tab with their own sub-nav, so the top bar stays one line. */
    boolean setup() {
        return active == Tab.PROFILES || active == Tab.PAYMENT_MODES || active == Tab.SHIFT_TYPES || active == Tab.STAFF || active == Tab.SETTINGS;
    }

    String setupClass() {
        return setup() ? "active" : null;
    }

    /** The tills' own pages (devices, their sync status, an export file's upload) sit under one Tills tab likewise. */
    boolean tills() {
        return active == Tab.DEVICES || active == Tab.SYNC || active == Tab.UPLOAD;
    }

    String tillsClass() {
        return tills() ? "active" : null;
    }
}
