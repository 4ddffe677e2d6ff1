package dev.tillsync.terminal.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.json.Json;
import dev.tillsync.terminal.TerminalOptions;
import dev.tillsync.terminal.cli.TerminalMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real terminal CLI in-process on one data folder and keeps what a person would have seen. */
public final class Cli {
    private Cli() {}

    /** One command's exit code, standard output and standard error. */
    public record Run(int exit, String out, String err) {
        /** Standard output read as JSON (for --json commands); the test fails with both streams when it is not. */
        public JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    /** {@code terminal --data DIR ARGS...} with the engine's default options. */
    public static Run run(Path dir, String... args) {
        return run(dir, TerminalOptions.defaults(), args);
    }

    /** The same with the engine options a test chose (its clock, say), as {@link TerminalMain#run} takes them. */
    public static Run run(Path dir, TerminalOptions options, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", dir.toString()));
        all.addAll(List.of(args));
        int code = TerminalMain.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), options);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code first} followed by {@code rest}: for a test whose every command takes the same options (e.g. --timeout). */
    public static String[] with(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
