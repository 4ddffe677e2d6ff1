package dev.tillsync.desktop;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop's command line: {@code --data DIR} (the terminal's state folder) and {@code --lock-minutes N}
 * (lock the screen after that long without input; 0 never).
 */
public record DesktopArgs(Path dataDir, int lockMinutes) {
    public static final String USAGE = """
            usage: bin/pos desktop --data DIR [--lock-minutes N]
              --data DIR          the terminal's data folder (an empty or new folder opens the link screen)
              --lock-minutes N    lock the screen after N minutes without input (default 5, 0 = never)
            """;

    public static DesktopArgs parse(List<String> args) {
        Path data = null;
        int lock = 5;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--lock-minutes" -> {
                    String v = value(args, ++i, a);
                    try {
                        lock = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--lock-minutes needs a whole number, got '" + v + "'");
                    }
                    if (lock < 0) throw new IllegalArgumentException("--lock-minutes cannot be negative");
                }
                default -> {
                    if (a.startsWith("--data=")) data = Path.of(a.substring(7));
                    else throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
        }
        if (data == null) throw new IllegalArgumentException("--data DIR is required");
        return new DesktopArgs(data, lock);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    public String[] toArgs() {
        return new String[] {"--data", dataDir.toString(), "--lock-minutes", String.valueOf(lockMinutes)};
    }
}
