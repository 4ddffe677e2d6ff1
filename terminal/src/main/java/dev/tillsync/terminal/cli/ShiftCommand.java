package dev.tillsync.terminal.cli;

import dev.tillsync.core.money.Money;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.ShiftInfo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "shift", description = "Open or close the cash shift.", subcommands = {ShiftCommand.Open.class, ShiftCommand.Close.class})
final class ShiftCommand {
    @Command(name = "open", description = "Open a shift with an opening float.")
    static final class Open extends Base {
        @Option(names = "--float", required = true, description = "Opening cash float, e.g. 100.00") String amount;
        @Option(names = "--type", description = "Shift type, one of yours on this till (default: your first; a till with shift users lets only them open shifts)") String type;

        @Override
        int run(PosTerminal pos) {
            ShiftInfo s = pos.openShift(Commands.amount(amount, "--float"), type);
            out().println("Shift " + s.uuid() + " open for " + s.user() + (s.shiftType() == null ? "" : " (" + s.shiftType() + ")")
                    + " with float " + Money.format(s.openingFloatMinor()));
            return 0;
        }
    }

    @Command(name = "close", description = "Close the shift: expected vs counted cash and totals per payment mode.")
    static final class Close extends Base {
        @Option(names = "--counted", required = true, description = "Cash counted in the drawer") String counted;
        @Option(names = "--json", description = "Print the close report as JSON") boolean json;

        @Override
        int run(PosTerminal pos) {
            ShiftCloseReport r = pos.closeShift(Commands.amount(counted, "--counted"));
            if (json) {
                Commands.json(out(), r);
                return 0;
            }
            out().println("Shift " + r.shift().uuid() + " closed, " + r.salesCount() + " sales/returns");
            out().printf("  Expected cash  %12s%n", Money.format(r.expectedCashMinor()));
            out().printf("  Counted cash   %12s%n", Money.format(r.countedCashMinor()));
            out().printf("  Difference     %12s%s%n", Money.format(r.differenceMinor()),
                    r.differenceMinor() == 0 ? " (balanced)" : r.differenceMinor() < 0 ? " (short)" : " (over)");
            for (Map.Entry<String, Long> e : r.totalsByModeMinor().entrySet()) {
                out().printf("  %-14s %12s%n", e.getKey(), Money.format(e.getValue()));
            }
            return 0;
        }
    }
}
