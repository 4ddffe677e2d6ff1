package dev.tillsync.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The console's templates (server/src/main/jte/console), compiled to Java with the server by jte-maven-plugin.
 * Invariant: content type Html, so every value a template prints is escaped for where it stands (text or attribute).
 */
final class Views {
    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Views.class.getClassLoader(), "dev.tillsync.server");

    /** Renders console/NAME.jte, whose one parameter is the model. */
    String render(String name, Object model) {
        StringOutput out = new StringOutput();
        engine.render("console/" + name + ".jte", model, out);
        return out.toString();
    }

    void html(Context ctx, String name, Object model) {
        ctx.html(render(name, model));
    }
}
