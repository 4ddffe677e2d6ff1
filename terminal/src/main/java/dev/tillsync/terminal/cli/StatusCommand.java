package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalStatus;
import dev.tillsync.terminal.history.PricesAsOf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "POS ID, link status, online/offline since when, queue, last sync and error, user, shift.")
final class StatusCommand extends Base {
    @Option(names = "--json", description = "Print the status as JSON") boolean json;
    @Option(names = "--no-probe", description = "Do not probe the server (show the last known state)") boolean noProbe;

    @Override
    int run(PosTerminal pos) {
        if (!noProbe && pos.status().posId() != null) pos.probe();
        TerminalStatus s = pos.status();
        if (json) {
            Commands.json(out(), s);
            return 0;
        }
        out().println("POS ID:       " + (s.posId() == null ? "-" : s.posId()) + "  (" + s.linkStatus() + ")");
        out().println("Server:       " + (s.serverUrl() == null ? "-" : s.serverUrl())
                + pos.serverPin().map(p -> "  (certificate pinned: " + p + ")").orElse(""));
        out().println("Connection:   " + (s.online() ? "ONLINE" : "OFFLINE") + " since " + Commands.time(s.onlineSince()));
        out().println("Queue:        " + s.notSynced() + " not yet synced (" + s.pending() + " pending, " + s.syncing() + " syncing, "
                + s.failed() + " failed), " + s.synced() + " synced");
        out().println("Last sync:    " + Commands.time(s.lastSync()));
        out().println("Last error:   " + (s.lastError() == null ? "-" : s.lastError() + " (" + Commands.time(s.lastErrorAt()) + ")"));
        out().println("User:         " + (s.loggedInUser() == null ? "nobody logged in" : s.loggedInUser()));
        out().println("Shift:        " + (s.openShift() == null ? "none open" : s.openShift().uuid() + " by " + s.openShift().user()
                + " since " + Commands.time(s.openShift().openedAt())));
        out().println("Prices:       " + PricesAsOf.describe(s.pricesAsOf(), java.time.Instant.now(), java.time.ZoneId.systemDefault()));
        out().println("Profile:      " + (s.profile() == null ? "-" : s.profile()));
        out().println("Clock:        " + (s.clockOffset() == null ? "not measured yet (measured from the server's answers)"
                : s.clockOffset().describe() + " (measured " + Commands.time(s.clockOffset().measuredAt()) + ")"));
        return 0;
    }
}
