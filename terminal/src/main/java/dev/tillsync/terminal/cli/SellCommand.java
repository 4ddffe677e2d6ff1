package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sell", description = "Record a sale (one transaction, no network), then print the receipt.")
final class SellCommand extends Base {
    @Option(names = "--item", required = true, description = "CODE_OR_BARCODE[:QTY[:DISCOUNT]], repeatable. QTY may be a decimal"
            + " for weighed goods (1.250); DISCOUNT is a percentage (10%) or an amount (1.50). CODE may be a scale label (EAN-13,"
            + " prefix 20-29) carrying the weight or price.") List<String> items;
    @Option(names = "--customer", description = "Customer number (a customer with a price list is priced on it)") String customer;
    @Option(names = "--pay", required = true, description = "MODE:AMOUNT[:REF], repeatable (split payment)") List<String> pays;
    @Option(names = "--discount", description = "A discount on the whole sale: a percentage (5%) or an amount (2.00), spread over the lines") String discount;
    @Option(names = "--discount-reason", defaultValue = SaleItem.DEFAULT_REASON,
            description = "Why the discounts are given, recorded with each (default: ${DEFAULT-VALUE})") String reason;
    @Option(names = "--approve", description = "EMAIL:PIN of a manager (can_configure_pos) approving discounts over the cashier's limit")
    String approve;
    @Option(names = "--json", description = "Print the recorded invoice as JSON (lines, tax, discounts, rounding, payments, change) instead of the receipt") boolean json;

    @Override
    int run(PosTerminal pos) {
        SaleRequest req = new SaleRequest(items.stream().map(i -> SaleItem.parse(i, reason)).toList(), customer,
                pays.stream().map(Commands::payment).toList(), discount == null ? null : SaleItem.discount(discount, reason, "the sale"),
                Commands.approver(pos, approve));
        var r = pos.recordSale(req);
        if (json) {
            Commands.json(out(), r.invoice());
            return r.receiptWarning() == null ? 0 : TerminalMain.NOT_PRINTED; // waits for the PDF preview too
        }
        return Commands.receipt(out(), err(), r, pos.printerTarget().orElse(null));
    }
}
