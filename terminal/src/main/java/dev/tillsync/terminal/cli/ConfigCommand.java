package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Terminal configuration; needs can_configure_pos.", subcommands = ConfigCommand.Set.class)
final class ConfigCommand {
    @Command(name = "set", description = {"config set server-url URL",
            "config set printer TARGET   (tcp://HOST[:9100][?status=off], cups:QUEUE, a device such as /dev/usb/lp0, a file or a folder; '' for the receipts folder)",
            "config set drawer 2|5|off   (the printer's drawer pin)",
            "config set drawer-pulse ON_MS/OFF_MS   (default 50/500)",
            "config set receipt-columns 32|42|48   (32 for 58 mm paper, 42 (default) or 48 for 80 mm)"})
    static final class Set extends Base {
        @Parameters(index = "0", description = "The setting: server-url, printer, drawer, drawer-pulse or receipt-columns") String key;
        @Parameters(index = "1", description = "The new value") String value;

        @Override
        int run(PosTerminal pos) {
            switch (key) {
                case "server-url", "server" -> pos.setServerUrl(value);
                case "printer", "printer-target" -> pos.setPrinterTarget(value);
                case "drawer" -> value = pos.setDrawer(value, null).describe();
                case "drawer-pulse" -> value = pos.setDrawer(null, value).describe();
                case "receipt-columns" -> pos.setReceiptColumns(columns(value));
                default -> throw new TerminalException("usage", "Unknown setting '" + key + "' (server-url, printer, drawer, drawer-pulse, receipt-columns).");
            }
            out().println(key + " set to " + value);
            return 0;
        }

        private static int columns(String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TerminalException("usage", "receipt-columns takes 32 (58 mm paper), 42 or 48 (80 mm), not '" + value + "'.");
            }
        }
    }
}
