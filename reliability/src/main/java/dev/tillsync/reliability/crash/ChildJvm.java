package dev.tillsync.reliability.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program under test in its own JVM, killed the hard way. Every line it printed before the kill is delivered
 * (the reader threads drain the pipes to their end before {@link #kill()} returns), so "printed before the kill"
 * is exactly what the parent saw.
 */
public final class ChildJvm implements AutoCloseable {
    /** Start-up flags that make a short-lived JVM cheaper on a small machine. */
    public static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m");

    private final Process process;
    private final Thread out, err;

    private ChildJvm(Process process, Consumer<String> onOut, Consumer<String> onErr) {
        this.process = process;
        this.out = reader(process.getInputStream(), onOut, "child-out");
        this.err = reader(process.getErrorStream(), onErr, "child-err");
    }

    public static ChildJvm start(String classpath, List<String> jvmArgs, String mainClass, List<String> args,
                                 Consumer<String> onOut, Consumer<String> onErr) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(FAST_START);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        try {
            return new ChildJvm(new ProcessBuilder(cmd).start(), onOut, onErr);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass + ": " + e.getMessage(), e);
        }
    }

    public static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, then wait for the process and for every line it had written. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** Waits for a normal exit; returns the exit code, or kills and throws after {@code seconds}. */
    public int awaitExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new IllegalStateException("child " + pid() + " did not finish in " + seconds + " s; killed");
            }
            out.join(10_000);
            err.join(10_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
    }

    private static Thread reader(InputStream in, Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.accept(line);
            } catch (IOException ignored) {
                // the pipe breaks when the child is killed; everything before that was delivered
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
