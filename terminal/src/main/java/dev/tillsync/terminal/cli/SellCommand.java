package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sell", description = "Record a sale (one transaction, no network), then print the receipt.")
final class SellCommand extends Base {
    @Option(names = "--item", required = true, description = "CODE_OR_BARCODE[:QTY], repeatable") List<String> items;
    @Option(names = "--customer", description = "Customer number") String customer;
    @Option(names = "--pay", required = true, description = "MODE:AMOUNT[:REF], repeatable (split payment)") List<String> pays;
    @Option(names = "--json", description = "Print the recorded invoice as JSON (lines, tax, payments, change) instead of the receipt") boolean json;

    @Override
    int run(PosTerminal pos) {
        SaleRequest req = new SaleRequest(items.stream().map(SaleItem::parse).toList(), customer,
                pays.stream().map(Commands::payment).toList());
        var r = pos.recordSale(req);
        if (json) {
            Commands.json(out(), r.invoice());
            return r.receiptWarning() == null ? 0 : TerminalMain.NOT_PRINTED; // waits for the PDF preview too
        }
        return Commands.receipt(out(), err(), r, pos.printerTarget().orElse(null));
    }
}
