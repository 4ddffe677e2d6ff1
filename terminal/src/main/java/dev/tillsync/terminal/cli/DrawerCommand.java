package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.receipt.printer.PrintCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drawer", description = "The cash drawer on the receipt printer.", subcommands = DrawerCommand.Open.class)
final class DrawerCommand {
    @Command(name = "open", description = "Open the cash drawer without a sale (the cashier of the open shift, or can_configure_pos); logged.")
    static final class Open extends Base {
        @Option(names = "--reason", description = "Why, for the event log (e.g. 'change for the float')") String reason;

        @Override
        int run(PosTerminal pos) {
            PrintCheck c = pos.openDrawer(reason);
            if (c.ok()) {
                out().println("Drawer opened (" + c.message() + ")");
                return 0;
            }
            err().println("error [drawer_not_opened]: " + c.message());
            return TerminalMain.NOT_PRINTED;
        }
    }
}
