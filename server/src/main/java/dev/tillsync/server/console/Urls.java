package dev.tillsync.server.console;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the setup forms share: a record name as one path segment, form text, and the version a form read. */
final class Urls {
    private Urls() {}

    /** A name as a path segment: spaces as %20 (a '+' in a path is a plus, not a space). */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * The hidden version field; null when missing, and also when mangled, so the service answers with its own
     * "needs the version you read" message instead of a number-format error.
     */
    static Integer version(Context ctx) {
        String v = ctx.formParam("version");
        if (v == null || !v.strip().matches("[0-9]{1,9}")) return null;
        return Integer.valueOf(v.strip());
    }
}
