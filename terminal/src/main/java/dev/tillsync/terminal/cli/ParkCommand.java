package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "park", description = "Put an open cart aside as entered (several may be parked at once); take it back with resume ID.")
final class ParkCommand extends Base {
    @Option(names = "--item", required = true, description = "CODE_OR_BARCODE[:QTY[:DISCOUNT]], repeatable, as for sell") List<String> items;
    @Option(names = "--customer", description = "Customer number") String customer;
    @Option(names = "--discount", description = "A discount on the whole sale: 5% or 2.00") String discount;
    @Option(names = "--discount-reason", defaultValue = SaleItem.DEFAULT_REASON, description = "Why the discounts are given (default: ${DEFAULT-VALUE})")
    String reason;
    @Option(names = "--label", description = "A name to find the cart by, e.g. the customer's name") String label;
    @Option(names = "--json", description = "Print the parked cart as JSON") boolean json;

    @Override
    int run(PosTerminal pos) {
        ParkedSale p = pos.park(items.stream().map(i -> SaleItem.parse(i, reason)).toList(), customer,
                discount == null ? null : SaleItem.discount(discount, reason, "the sale"), label);
        if (json) {
            Commands.json(out(), p);
            return 0;
        }
        out().println("Parked sale " + p.id() + (p.label() == null ? "" : " (" + p.label() + ")") + ": " + p.items().size()
                + " item(s). Resume it with: terminal resume " + p.id() + " --pay MODE:AMOUNT");
        return 0;
    }
}
