package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "void", description = "Record in the event log that a line (--item, once) or a whole open cart (--sale) was voided, and why.")
final class VoidCommand extends Base {
    @Option(names = "--item", description = "CODE[:QTY] of the voided line; with --sale, the cart's items (repeatable)") List<String> items;
    @Option(names = "--sale", description = "The whole cart was voided") boolean sale;
    @Option(names = "--reason", required = true, description = "Why (recorded in the event log)") String reason;

    @Override
    int run(PosTerminal pos) {
        List<SaleItem> lines = items == null ? List.of() : items.stream().map(SaleItem::parse).toList();
        if (sale) {
            pos.voidSale(reason, lines);
            out().println("Voided the sale (" + lines.size() + " item(s)): " + reason);
            return 0;
        }
        if (lines.size() != 1) {
            throw new dev.tillsync.terminal.TerminalException("bad_void", "Give the voided line as one --item CODE[:QTY], or --sale for the whole cart.");
        }
        pos.voidLine(lines.get(0), reason);
        out().println("Voided " + lines.get(0).codeOrBarcode() + ": " + reason);
        return 0;
    }
}
