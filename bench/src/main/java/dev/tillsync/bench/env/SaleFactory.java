package dev.tillsync.bench.env;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark basket: 5 distinct items (quantity 1-3) paid by card (1.00) and cash (the rest, with change).
 * Deterministic for a seed, so ours and the baseline record the same sales.
 */
public final class SaleFactory {
    public static final int LINES = 5;
    public static final long CARD_MINOR = 100;
    public static final long CASH_MINOR = 500_000;

    private final List<Item> items;
    private final Random random;

    public SaleFactory(List<Item> items, long seed) {
        if (items.size() < LINES) throw new IllegalArgumentException("need at least " + LINES + " items");
        this.items = List.copyOf(items);
        this.random = new Random(seed);
    }

    /** One basket: the items and quantities, as the cashier would scan them. */
    public record Basket(List<Item> items, List<Long> qty) {
        public SaleRequest request() {
            List<SaleItem> s = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) s.add(new SaleItem(items.get(i).code(), qty.get(i)));
            return new SaleRequest(s, null, payments());
        }

        public List<Payment> payments() {
            return List.of(new Payment("Card", CARD_MINOR, "bench"), new Payment(Payment.CASH, CASH_MINOR, null));
        }

        /** The invoice the terminal would make of this basket (same arithmetic, core InvoiceMath). */
        public InvoicePayload invoice(String number, Instant at, String cashier, String shiftUuid, String profileKey, boolean offline) {
            List<InvoiceLine> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                lines.add(InvoiceLine.of(it.code(), it.name(), qty.get(i), it.priceMinor(), it.taxRateBp()));
            }
            List<Payment> pays = payments();
            long grand = InvoiceMath.grandTotal(lines);
            return new InvoicePayload(number, at, null, cashier, shiftUuid, offline, null, profileKey, lines, pays,
                    InvoiceMath.changeDue(grand, pays), InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
        }
    }

    public Basket next() {
        List<Item> pick = new ArrayList<>();
        List<Long> qty = new ArrayList<>();
        while (pick.size() < LINES) {
            Item it = items.get(random.nextInt(items.size()));
            if (!pick.contains(it)) {
                pick.add(it);
                qty.add(1L + random.nextInt(3));
            }
        }
        return new Basket(pick, qty);
    }
}
