package dev.tillsync.desktop;

import java.util.List;
import javafx.application.Application;

/**
 * {@code bin/pos desktop --data DIR}. Not an Application subclass on purpose: JavaFX then starts from the
 * plain classpath (no module path needed).
 */
public final class DesktopMain {
    private DesktopMain() {}

    public static void main(String[] argv) {
        List<String> args = List.of(argv);
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(DesktopArgs.USAGE);
            return;
        }
        DesktopArgs parsed;
        try {
            parsed = DesktopArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tillsync desktop: " + e.getMessage());
            System.err.print(DesktopArgs.USAGE);
            System.exit(2);
            return;
        }
        Application.launch(PosApp.class, parsed.toArgs());
    }
}
