package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import picocli.CommandLine.Command;

@Command(name = "logout", description = "End the session.")
final class LogoutCommand extends Base {
    @Override
    int run(PosTerminal pos) {
        pos.logout();
        out().println("Logged out.");
        return 0;
    }
}
