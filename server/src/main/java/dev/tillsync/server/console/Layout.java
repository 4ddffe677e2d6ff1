package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;

import dev.tillsync.server.auth.Role;

/** The page frame: head, top navigation and the signed-in user's sign-out form. */
final class Layout {
    enum Tab { DEVICES, SYNC, RECONCILIATION, UPLOAD, USERS, NONE }

    private Layout() {}

    static String page(ConsoleUser u, Tab active, String title, String body) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        head(b, title);
        b.append("<header class=\"top\"><div class=\"brand\">tillsync <span>back office</span></div><nav>");
        tab(b, active, Tab.DEVICES, "/console/devices", "Devices");
        tab(b, active, Tab.SYNC, "/console/sync", "Sync status");
        tab(b, active, Tab.RECONCILIATION, "/console/reconciliation", "Reconciliation");
        tab(b, active, Tab.UPLOAD, "/console/upload", "Upload");
        if (u.can(Role.SYSTEM_MANAGER)) tab(b, active, Tab.USERS, "/console/users", "Users");
        b.append("</nav><div class=\"who\"><span class=\"email\">").append(e(u.email())).append("</span> <span class=\"role\">")
                .append(e(u.role().label())).append("</span>")
                .append("<form method=\"post\" action=\"/console/logout\" class=\"inline\">").append(u.csrfField())
                .append("<button type=\"submit\" class=\"link\" id=\"sign-out\">Sign out</button></form></div></header>");
        b.append("<main>").append(body).append("</main></body></html>");
        return b.toString();
    }

    /** A page without the navigation (sign-in). */
    static String bare(String title, String body) {
        StringBuilder b = new StringBuilder();
        head(b, title);
        b.append("<main class=\"bare\">").append(body).append("</main></body></html>");
        return b.toString();
    }

    static String notice(String kind, String text) {
        return "<div class=\"notice " + kind + "\" role=\"" + ("error".equals(kind) ? "alert" : "status") + "\">" + e(text) + "</div>";
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(title)).append(" · tillsync</title>")
                .append("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
                .append("<script src=\"/console/assets/console.js\" defer></script></head><body>");
    }

    private static void tab(StringBuilder b, Tab active, Tab t, String href, String label) {
        b.append("<a href=\"").append(href).append("\"").append(t == active ? " class=\"active\"" : "").append(">")
                .append(label).append("</a>");
    }
}
