package dev.tillsync.terminal.cli;

import dev.tillsync.core.money.Money;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.PosTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "items", description = "Search items (code, name or barcode) with price, tax and local stock.")
final class ItemsCommand extends Base {
    @Option(names = "--search", defaultValue = "", description = "Only items whose code, name or barcode contains this text") String search;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE})") int limit;
    @Option(names = "--json", description = "Print the items as a JSON array") boolean json;

    @Override
    int run(PosTerminal pos) {
        var items = pos.searchItems(search, limit);
        if (json) {
            Commands.json(out(), items);
            return 0;
        }
        for (Item i : items) {
            out().printf("%-12s %-30s %10s %6s%% stock %d %s%n", i.code(), i.name(), Money.format(i.priceMinor()),
                    java.math.BigDecimal.valueOf(i.taxRateBp(), 2).stripTrailingZeros().toPlainString(), i.localStock(), String.join(" ", i.barcodes()));
        }
        return 0;
    }
}
