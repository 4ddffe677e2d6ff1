package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.TerminalOptions;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code bin/pos terminal ...}: the terminal engine's CLI. Exit codes: 0 success, 1 refused or failed
 * (message on stderr, nothing half-written), 2 bad usage, 3 recorded but receipt not printed, 4 sync ended
 * with failed rows or stopped early.
 */
public final class TerminalMain {
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int NOT_PRINTED = 3;
    public static final int SYNC_INCOMPLETE = 4;

    private TerminalMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, TerminalOptions.defaults());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)} over an engine with {@code options} (tests give it their clock). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, TerminalOptions options) {
        return commandLine(out, err, options).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, TerminalOptions options) {
        CommandLine cl = new CommandLine(new TerminalCommand(options));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            if (t instanceof TerminalException te) {
                cmd.getErr().println("error [" + te.code() + "]: " + te.getMessage());
                return REFUSED;
            }
            if (t instanceof IllegalArgumentException iae) {
                cmd.getErr().println("error [bad_input]: " + iae.getMessage());
                return USAGE;
            }
            cmd.getErr().println("error [internal]: " + t + " — nothing further was recorded; report this with the data folder's event log.");
            return REFUSED;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error [usage]: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE;
        });
        return cl;
    }
}
