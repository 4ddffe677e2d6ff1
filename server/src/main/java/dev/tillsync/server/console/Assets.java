package dev.tillsync.server.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The console's own CSS and JS, served from the classpath (nothing from a CDN). */
final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private Assets() {}

    static void serve(Context ctx) throws IOException {
        ctx.attribute("tillsync.error", Boolean.TRUE);
        String name = ctx.pathParam("name");
        String type = TYPES.get(name);
        if (type == null) {
            ctx.status(404).result("no such asset");
            return;
        }
        try (InputStream in = Assets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                ctx.status(404).result("no such asset");
                return;
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }
}
