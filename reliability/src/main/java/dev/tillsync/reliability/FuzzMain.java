package dev.tillsync.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/pos bench fuzz}: the structure-aware fuzzing (reliability/src/test/.../fuzz) in its long mode. The properties
 * are jqwik tests that need the test classpath and the embedded PostgreSQL the test suite starts, so this runs them through
 * Maven, exactly as CI does, with more cases, and prints the summary line of each property.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Structure-aware fuzzing of push, pull, link, export-file and CSV-import requests against a real server; prints figures.")
public final class FuzzMain implements Callable<Integer> {
    @Option(names = "--tries", defaultValue = "1000000", description = "cases in total across the five properties (default ${DEFAULT-VALUE}; CI runs 10000)")
    int tries;

    @Option(names = "--seed", description = "jqwik seed, to replay a run (default: random, printed in the report)")
    String seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FuzzMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // reliability/target/classes -> the checkout's root
        Path root = Path.of(FuzzMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent().getParent();
        Path summary = root.resolve("reliability/target/fuzz-summary.txt");
        Files.deleteIfExists(summary);
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "verify", "-pl", "reliability", "-Dtest=Fuzz*",
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dfuzz.tries=" + tries));
        if (seed != null) cmd.add("-Dfuzz.seed=" + seed);
        System.out.println("fuzz: " + tries + " cases; " + String.join(" ", cmd) + " (in " + root + ")");
        int exit = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start().waitFor();
        if (Files.exists(summary)) Files.readAllLines(summary).forEach(System.out::println);
        System.out.println(exit == 0 ? "fuzz: passed" : "fuzz: FAILED (exit " + exit + "); the failing case, shrunk, is in "
                + root.resolve("reliability/target/surefire-reports") + File.separator + "dev.tillsync.reliability.fuzz.*-output.txt");
        return exit;
    }
}
