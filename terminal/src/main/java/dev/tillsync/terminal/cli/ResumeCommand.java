package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", description = "Take a parked cart back and record it as a sale with the payments given (priced with today's prices).")
final class ResumeCommand extends Base {
    @Parameters(index = "0", description = "The parked sale's ID (terminal parked lists them)") long id;
    @Option(names = "--pay", required = true, description = "MODE:AMOUNT[:REF], repeatable (split payment)") List<String> pays;
    @Option(names = "--approve", description = "EMAIL:PIN of a manager approving discounts over the cashier's limit") String approve;
    @Option(names = "--json", description = "Print the recorded invoice as JSON instead of the receipt") boolean json;

    @Override
    int run(PosTerminal pos) {
        var payments = pays.stream().map(Commands::payment).toList();
        String approver = Commands.approver(pos, approve);
        ParkedSale p = pos.resume(id);
        dev.tillsync.terminal.SaleReceipt r;
        try {
            r = pos.recordSale(new SaleRequest(p.items(), p.customerNumber(), payments, p.saleDiscount(), approver));
        } catch (dev.tillsync.terminal.TerminalException e) {
            // The cart is not lost when the sale is refused (underpaid, an item gone): it goes back on the parked list.
            ParkedSale again = pos.park(p.items(), p.customerNumber(), p.saleDiscount(), p.label());
            throw new dev.tillsync.terminal.TerminalException(e.code(), e.getMessage() + " The cart is parked again as " + again.id() + ".");
        }
        if (json) {
            Commands.json(out(), r.invoice());
            return r.receiptWarning() == null ? 0 : TerminalMain.NOT_PRINTED;
        }
        return Commands.receipt(out(), err(), r, pos.printerTarget().orElse(null));
    }
}
