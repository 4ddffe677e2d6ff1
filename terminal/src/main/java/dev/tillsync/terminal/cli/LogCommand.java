package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.LogEntry;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "log", description = "The terminal's event log.", subcommands = {LogCommand.Show.class, LogCommand.Export.class})
final class LogCommand {
    @Command(name = "show", description = "Show the newest events.")
    static final class Show extends Base {
        @Option(names = "--limit", defaultValue = "50", description = "At most this many events, newest first (default: ${DEFAULT-VALUE})") int limit;

        @Override
        int run(PosTerminal pos) {
            for (LogEntry e : pos.events(limit)) {
                out().printf("%6d %s %-18s %-20s %s%n", e.id(), Commands.time(e.at()), e.type(), e.ref() == null ? "" : e.ref(),
                        e.detail() == null ? "" : e.detail());
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write the event log as JSON lines; needs can_export_log.")
    static final class Export extends Base {
        @Option(names = "--out", required = true, description = "File to write (JSON lines)") Path out;

        @Override
        int run(PosTerminal pos) {
            out().println(pos.exportEventLog(out) + " events written to " + out);
            return 0;
        }
    }
}
