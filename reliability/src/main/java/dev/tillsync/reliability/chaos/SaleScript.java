package dev.tillsync.reliability.chaos;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded sequence of sales a cashier might ring up (1–3 demo items, 1–3 of each, cash rounded up or exact
 * card), so a run under faults and a fault-free run sell exactly the same things.
 */
public final class SaleScript {
    public record Sale(List<SaleItem> items, boolean cash) {}

    private final Random random;

    public SaleScript(long seed) {
        this.random = new Random(seed);
    }

    public Sale next() {
        int lines = 1 + random.nextInt(3);
        List<SaleItem> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            items.add(new SaleItem(String.format("ITEM-%04d", 1 + random.nextInt(200)), 1 + random.nextInt(3)));
        }
        return new Sale(items, random.nextInt(3) != 0);
    }

    /** The request for {@code sale} at the prices this terminal holds: exact by card, or cash rounded up to 5.00 with change. */
    public static SaleRequest request(PosTerminal pos, Sale sale) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (SaleItem si : sale.items()) {
            Item item = pos.findItem(si.codeOrBarcode()).orElseThrow(() -> new IllegalStateException("no item " + si.codeOrBarcode()));
            lines.add(InvoiceLine.of(item.code(), item.name(), si.qty(), item.priceMinor(), item.taxRateBp()));
        }
        long grand = InvoiceMath.grandTotal(lines);
        Payment pay = sale.cash() ? new Payment("Cash", ((grand + 499) / 500) * 500, null) : new Payment("Card", grand, "slip");
        return new SaleRequest(sale.items(), null, List.of(pay));
    }
}
