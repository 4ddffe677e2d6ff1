package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Terminal configuration; needs can_configure_pos.", subcommands = ConfigCommand.Set.class)
final class ConfigCommand {
    @Command(name = "set", description = "config set server-url URL | config set printer TARGET (device, file or folder; '' for default)")
    static final class Set extends Base {
        @Parameters(index = "0", description = "The setting: server-url or printer") String key;
        @Parameters(index = "1", description = "The new value: a URL for server-url; a device, file or folder for printer ('' for the default)") String value;

        @Override
        int run(PosTerminal pos) {
            switch (key) {
                case "server-url", "server" -> pos.setServerUrl(value);
                case "printer", "printer-target" -> pos.setPrinterTarget(value);
                default -> throw new TerminalException("usage", "Unknown setting '" + key + "' (server-url, printer).");
            }
            out().println(key + " set to " + value);
            return 0;
        }
    }
}
