package dev.tillsync.desktop.refund;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place the refund screen finds a sale to return against, as the store-wide {@link ReturnableInvoice}.
 * Today it is built from this till's own invoices (what its returns already took back included); switching to the
 * store-wide lookup (online endpoint, pulled store invoices) changes this class only.
 */
public final class ReturnLookup {
    private ReturnLookup() {}

    /** The sale {@code number} with what is left to return on each line; {@code unknown_invoice} or {@code bad_return} otherwise. */
    public static ReturnableInvoice find(PosTerminal terminal, String number) {
        String n = number == null ? "" : number.strip();
        if (n.isEmpty()) throw new TerminalException("bad_invoice", "Scan the receipt's barcode or type its invoice number, e.g. POS-0001-000012.");
        InvoicePayload sale = terminal.recordedInvoice(n);
        if (sale.isReturn()) {
            throw new TerminalException("bad_return", sale.number() + " is itself a return (against " + sale.returnAgainst()
                    + "): scan the original sale's receipt instead.");
        }
        Map<String, Long> back = returnedByItem(terminal, sale.number());
        List<ReturnableLine> lines = new ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            InvoiceLine l = sale.lines().get(i);
            long sold = l.qtyMilli() != null ? l.qtyMilli() : l.qty() * 1000;
            long returned = Math.min(sold, back.getOrDefault(l.itemCode(), 0L));
            back.merge(l.itemCode(), -returned, Long::sum); // a later line of the same item takes what this one did not
            long gross = l.grossMinor() != null ? l.grossMinor() : l.netMinor();
            long discount = (l.lineDiscountMinor() == null ? 0 : l.lineDiscountMinor()) + (l.saleDiscountMinor() == null ? 0 : l.saleDiscountMinor());
            lines.add(new ReturnableLine(i + 1, l.itemCode(), l.itemName(), l.unit(), sold, returned, l.rateMinor(), l.taxRateBp(),
                    gross, discount, l.totalMinor()));
        }
        return new ReturnableInvoice(sale.number(), null, sale.postedAt(), sale.customerNumber(),
                Boolean.TRUE.equals(sale.pricesIncludeTax()), lines, sale.payments());
    }

    /** Thousandths already taken back per item code by this till's returns against {@code number}. */
    private static Map<String, Long> returnedByItem(PosTerminal terminal, String number) {
        Map<String, Long> back = new HashMap<>();
        for (HistoryEntry e : terminal.history(new HistoryFilter(null, true, 5000))) {
            if (e.kind() != RowKind.INVOICE || e.totalMinor() == null || e.totalMinor() > 0) continue;
            InvoicePayload r = terminal.recordedInvoice(e.number());
            if (!number.equals(r.returnAgainst())) continue;
            for (InvoiceLine l : r.lines()) {
                back.merge(l.itemCode(), Math.abs(l.qtyMilli() != null ? l.qtyMilli() : l.qty() * 1000), Long::sum);
            }
        }
        return back;
    }
}
