package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "return", description = "Record a return against a sale of any till of the store (asked of the server when online; offline, from the store's recent sales this till has pulled and its own) at what was paid (price, tax and discounts as sold); refunds are negative, e.g. --pay Cash:-1.72.")
final class ReturnCommand extends Base {
    @Option(names = {"--invoice", "--against"}, required = true, description = "Number of the original invoice, e.g. POS-0001-000042") String against;
    @Option(names = "--item", required = true, description = "CODE:QTY coming back (QTY may be a decimal: 0.500), repeatable") List<String> items;
    @Option(names = "--pay", required = true, description = "MODE:-AMOUNT, repeatable") List<String> pays;

    @Override
    int run(PosTerminal pos) {
        var r = pos.recordReturn(new ReturnRequest(against, items.stream().map(SaleItem::parse).toList(),
                pays.stream().map(Commands::payment).toList()));
        return Commands.receipt(out(), err(), r, pos.printerTarget().orElse(null));
    }
}
