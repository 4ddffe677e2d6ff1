package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = "Set Failed transactions back to Pending so the next sync sends them again.")
final class RetryCommand extends Base {
    @Parameters(arity = "0..1", description = "Transaction UUID (shown by sync and history --json)") String uuid;
    @Option(names = "--all-failed", description = "Every Failed transaction") boolean all;

    @Override
    int run(PosTerminal pos) {
        if (all) {
            out().println(pos.retryAllFailed() + " failed transactions set back to Pending.");
        } else if (uuid != null) {
            pos.retry(uuid);
            out().println(uuid + " set back to Pending.");
        } else {
            throw new TerminalException("usage", "Give a transaction UUID or --all-failed.");
        }
        return 0;
    }
}
