package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.FolderClaim;
import dev.tillsync.terminal.PosTerminal;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Root command: holds the data folder every sub-command works on. Its scope is INHERIT so that every
 * sub-command, however deep, answers --help (and --version) instead of complaining about missing options.
 */
@Command(name = "terminal", mixinStandardHelpOptions = true, version = "tillsync terminal 0.1", scope = ScopeType.INHERIT,
        description = "The tillsync POS terminal engine: sell offline, sync when online.",
        subcommands = {LinkCommand.class, TrustCommand.class, LoginCommand.class, LogoutCommand.class, ShiftCommand.class, SellCommand.class,
                ReturnCommand.class, CustomerCommand.class, HistoryCommand.class, StatusCommand.class, SyncCommand.class,
                RetryCommand.class, ExportCommand.class, UploadCommand.class, LogCommand.class, ReprintCommand.class,
                ConfigCommand.class, ItemsCommand.class, RunCommand.class,
                PrinterCommand.class, DrawerCommand.class, ParkCommand.class, ResumeCommand.class, ParkedCommand.class, VoidCommand.class})
public final class TerminalCommand {
    @Option(names = "--data", scope = ScopeType.INHERIT, defaultValue = "${env:TILLSYNC_TERMINAL_DATA:-./terminal-data}",
            description = "The terminal's data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, defaultValue = "30",
            description = "Seconds a server call may take before the line counts as down (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The engine's options before --timeout: the defaults, or a test's (its clock, say) through {@link TerminalMain#run}. */
    private final dev.tillsync.terminal.TerminalOptions base;

    public TerminalCommand() {
        this(dev.tillsync.terminal.TerminalOptions.defaults());
    }

    TerminalCommand(dev.tillsync.terminal.TerminalOptions base) {
        this.base = base;
    }

    PosTerminal open(FolderClaim claim) {
        return PosTerminal.open(data, base.withRequestTimeout(java.time.Duration.ofSeconds(Math.max(1, timeoutSeconds))), claim);
    }
}
