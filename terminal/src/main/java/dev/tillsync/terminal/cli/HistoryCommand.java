package dev.tillsync.terminal.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SyncStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Sales History: every transaction with its sync status.")
final class HistoryCommand extends Base {
    @Option(names = "--status", description = "pending, syncing, synced or failed") String status;
    @Option(names = "--invoices", description = "Only sales and returns") boolean invoices;
    @Option(names = "--limit", defaultValue = "1000", description = "At most this many transactions, newest first (default: ${DEFAULT-VALUE})") int limit;
    @Option(names = "--json", description = "Print as JSON; sales and returns carry the whole invoice (lines, tax, payments, change) as sell --json prints it") boolean json;

    @Override
    int run(PosTerminal pos) {
        List<HistoryEntry> entries = pos.history(new HistoryFilter(status == null ? null : SyncStatus.fromLabel(status), invoices, limit));
        if (json) {
            Commands.json(out(), entries.stream().map(e -> new Row(e, e.kind() == RowKind.INVOICE ? pos.recordedInvoice(e.number()) : null)).toList());
            return 0;
        }
        out().printf("%5s  %-12s %-19s %-19s %-16s %10s %-7s %s%n", "SEQ", "KIND", "NUMBER", "TIME", "CUSTOMER", "TOTAL", "OFFLINE", "SYNC");
        for (HistoryEntry e : entries) {
            out().printf("%5d  %-12s %-19s %-19s %-16s %10s %-7s %s%n", e.seq(), e.kind().wire(), abbreviate(e.number()),
                    Commands.time(e.at()), e.customer() == null ? "" : e.customer(), e.totalMinor() == null ? "" : Money.format(e.totalMinor()),
                    e.offline() ? "yes" : "", e.statusText());
        }
        return 0;
    }

    /** One line of {@code history --json}: the entry's fields, and for a sale or return the invoice as recorded. */
    record Row(@JsonUnwrapped HistoryEntry entry, InvoicePayload invoice) {}

    private static String abbreviate(String s) {
        return s.length() <= 19 ? s : s.substring(0, 18) + "…";
    }
}
