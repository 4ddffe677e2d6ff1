package dev.tillsync.bench.env;

import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark basket: 5 distinct items (quantity 1-3) paid by card (1.00) and cash (the rest, with change), with the
 * discounts a till gives every day: 5% off the first line, 0.10 (or 3%) off the third, 2% off the sale (all within the demo
 * profile's 10% cashier limit). Deterministic for a seed, so ours and the baseline record the same sales.
 */
public final class SaleFactory {
    public static final int LINES = 5;
    public static final long CARD_MINOR = 100;
    public static final long CASH_MINOR = 500_000;
    /** The demo profile's cash rounding increment (seed-demo: 0.05). */
    public static final long CASH_ROUNDING_MINOR = 5;

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
            for (int i = 0; i < items.size(); i++) s.add(new SaleItem(items.get(i).code(), qty.get(i) * 1000, lineDiscount(i)));
            return new SaleRequest(s, null, payments(), SALE_DISCOUNT, null);
        }

        static final Discount SALE_DISCOUNT = Discount.percent(200, "loyalty");

        /** 5% off the first line; 0.10 off the third when that stays within the 10% limit, else 3%. */
        Discount lineDiscount(int line) {
            if (line == 0) return Discount.percent(500, "promo");
            if (line != 2) return null;
            long gross = qty.get(2) * items.get(2).priceMinor();
            return gross >= 100 ? Discount.amount(10, "damaged box") : Discount.percent(300, "damaged box");
        }

        public List<Payment> payments() {
            return List.of(new Payment("Card", CARD_MINOR, "bench"), new Payment(Payment.CASH, CASH_MINOR, null));
        }

        /** The invoice the terminal would make of this basket (the same rule, core SaleMath, and core PricedInvoice). */
        public InvoicePayload invoice(String number, Instant at, String cashier, String shiftUuid, String profileKey, boolean offline) {
            List<CartLine> cart = new ArrayList<>();
            List<String> units = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                cart.add(new CartLine(it.code(), it.name(), qty.get(i) * 1000, false, it.priceMinor(), it.taxRateBp(), lineDiscount(i)));
                units.add(it.unit());
            }
            PricedSale sale = SaleMath.price(cart, SALE_DISCOUNT, false);
            return PricedInvoice.of(new InvoiceHeader(number, at, null, cashier, shiftUuid, offline, null, profileKey), sale, units,
                    payments(), CASH_ROUNDING_MINOR);
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
