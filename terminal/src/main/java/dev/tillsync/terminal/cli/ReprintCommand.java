package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "reprint", description = "Print a receipt again, marked REPRINT; needs can_reprint.")
final class ReprintCommand extends Base {
    @Parameters(index = "0", description = "Invoice number, e.g. POS-0001-000042") String number;

    @Override
    int run(PosTerminal pos) {
        return Commands.receipt(out(), err(), pos.reprint(number), pos.printerTarget().orElse(null));
    }
}
