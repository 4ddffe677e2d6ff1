package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.receipt.printer.PrintCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "printer", description = "The receipt printer.", subcommands = PrinterCommand.Test.class)
final class PrinterCommand {
    @Command(name = "test", description = "Print a short test receipt (target, till, time); exit 3 when the printer did not take it.")
    static final class Test extends Base {
        @Option(names = "--target", description = "Try this target instead of the till's printer (nothing is stored)") String target;

        @Override
        int run(PosTerminal pos) {
            PrintCheck c = pos.testPrint(target);
            if (c.ok()) {
                out().println(c.message());
                out().println("Drawer: " + pos.drawer().describe());
                return 0;
            }
            err().println("error [not_printed]: " + c.message());
            return TerminalMain.NOT_PRINTED;
        }
    }
}
