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
 * The benchmark basket: 5 distinct items paid by card (1.00) and cash (the rest, with change), with the discounts a till
 * gives every day: 5% off the first line, 0.10 (or 3%) off the third, 2% off the sale (all within the demo profile's 10%
 * cashier limit). When the catalogue has measured items (kg, g, l, m) the last line is one of them, weighed: 0.250-2.999 of
 * its unit, since a till's real basket has the fruit-and-veg line whose fractional quantity takes its own rounding path
 * through SaleMath. The other lines are whole-unit items, 1-3 each. Deterministic for a seed, so ours and the baseline
 * record the same sales; a catalogue without measured items gets the same baskets it got before weighed lines existed.
 */
public final class SaleFactory {
    public static final int LINES = 5;
    public static final long CARD_MINOR = 100;
    public static final long CASH_MINOR = 500_000;
    /** The demo profile's cash rounding increment (seed-demo: 0.05). */
    public static final long CASH_ROUNDING_MINOR = 5;

    /** A weighed line's quantity in thousandths of its unit: 0.250 to 2.999 (kg, l, ...). */
    public static final int WEIGHED_MIN_MILLI = 250, WEIGHED_MAX_MILLI = 2999;

    private final List<Item> counted;
    private final List<Item> measured;
    private final Random random;

    public SaleFactory(List<Item> items, long seed) {
        this.measured = items.stream().filter(Item::measured).toList();
        // Without a measured item every line is counted, as before; with one, the last line is weighed.
        this.counted = measured.isEmpty() ? List.copyOf(items) : items.stream().filter(i -> !i.measured()).toList();
        int countedLines = measured.isEmpty() ? LINES : LINES - 1;
        if (counted.size() < countedLines) {
            throw new IllegalArgumentException("need at least " + countedLines + " whole-unit items, got " + counted.size());
        }
        this.random = new Random(seed);
    }

    /** True when the baskets' last line is weighed (the catalogue has a measured item). */
    public boolean weighs() {
        return !measured.isEmpty();
    }

    /**
     * One basket: the items and quantities as the cashier would scan or weigh them; {@code qtyMilli} in thousandths
     * of each item's unit (whole thousands for counted items).
     */
    public record Basket(List<Item> items, List<Long> qtyMilli) {
        public Basket {
            items = List.copyOf(items);
            qtyMilli = List.copyOf(qtyMilli);
        }

        public SaleRequest request() {
            List<SaleItem> s = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) s.add(new SaleItem(items.get(i).code(), qtyMilli.get(i), lineDiscount(i)));
            return new SaleRequest(s, null, payments(), SALE_DISCOUNT, null);
        }

        static final Discount SALE_DISCOUNT = Discount.percent(200, "loyalty");

        /** 5% off the first line; 0.10 off the third when that stays within the 10% limit, else 3%. */
        Discount lineDiscount(int line) {
            if (line == 0) return Discount.percent(500, "promo");
            if (line != 2) return null;
            // Line 2 is always counted (only the last line is weighed), so qtyMilli / 1000 is its whole units.
            long gross = qtyMilli.get(2) / 1000 * items.get(2).priceMinor();
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
                cart.add(new CartLine(it.code(), it.name(), qtyMilli.get(i), it.measured(), it.priceMinor(), it.taxRateBp(), lineDiscount(i)));
                units.add(it.unit());
            }
            // The terminal's CartPricer takes the invoice's tax flag from the first line (all lines share one).
            PricedSale sale = SaleMath.price(cart, SALE_DISCOUNT, items.get(0).pricesIncludeTax());
            return PricedInvoice.of(new InvoiceHeader(number, at, null, cashier, shiftUuid, offline, null, profileKey), sale, units,
                    payments(), CASH_ROUNDING_MINOR);
        }
    }

    public Basket next() {
        List<Item> pick = new ArrayList<>();
        List<Long> qty = new ArrayList<>();
        int countedLines = weighs() ? LINES - 1 : LINES;
        while (pick.size() < countedLines) {
            Item it = counted.get(random.nextInt(counted.size()));
            if (!pick.contains(it)) {
                pick.add(it);
                qty.add(1000L * (1 + random.nextInt(3)));
            }
        }
        if (weighs()) {
            pick.add(measured.get(random.nextInt(measured.size())));
            qty.add((long) (WEIGHED_MIN_MILLI + random.nextInt(WEIGHED_MAX_MILLI - WEIGHED_MIN_MILLI + 1)));
        }
        return new Basket(pick, qty);
    }
}
