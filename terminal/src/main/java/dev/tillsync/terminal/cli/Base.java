package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.PosTerminal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A sub-command over the terminal engine of the --data folder. */
abstract class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        TerminalCommand root = (TerminalCommand) spec.root().userObject();
        try (PosTerminal pos = root.open(claim())) {
            return run(pos);
        }
    }

    /** Holds the data folder for this command only; a driver ({@code run}) overrides this. */
    FolderClaim claim() {
        return FolderClaim.oneShot(spec.qualifiedName());
    }

    abstract int run(PosTerminal pos) throws Exception;
}
