package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "parked", description = "List the parked carts of this till, oldest first.")
final class ParkedCommand extends Base {
    @Option(names = "--json", description = "Print as JSON") boolean json;

    @Override
    int run(PosTerminal pos) {
        List<ParkedSale> all = pos.parkedSales();
        if (json) {
            Commands.json(out(), all);
            return 0;
        }
        if (all.isEmpty()) out().println("No parked sales.");
        for (ParkedSale p : all) {
            out().printf("%4d  %-16s %-19s %-18s %s%n", p.id(), p.label() == null ? "" : p.label(), Commands.time(p.parkedAt()), p.parkedBy(),
                    String.join(" ", p.items().stream().map(ParkedCommand::item).toList()));
        }
        return 0;
    }

    private static String item(SaleItem i) {
        return i.codeOrBarcode() + (i.qtyMilli() == null ? "" : ":" + dev.tillsync.core.master.Unit.format(i.qtyMilli()));
    }
}
