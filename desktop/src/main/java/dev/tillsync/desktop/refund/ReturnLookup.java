package dev.tillsync.desktop.refund;

import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.TerminalException;

/**
 * The one place the refund screen finds a sale to return against: the engine's store-wide lookup (the server when
 * online, with what every till has taken back; offline, the store's recent sales the pull brought and this till's own).
 */
public final class ReturnLookup {
    private ReturnLookup() {}

    /** The sale {@code number} with what is left to return on each line; {@code unknown_invoice} or {@code bad_return} otherwise. */
    public static ReturnableInvoice find(PosTerminal terminal, String number) {
        String n = number == null ? "" : number.strip();
        if (n.isEmpty()) throw new TerminalException("bad_invoice", "Scan the receipt's barcode or type its invoice number, e.g. POS-0001-000012.");
        return terminal.returnable(n);
    }
}
