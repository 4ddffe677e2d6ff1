package dev.tillsync.terminal.sale;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.invoice.PricedInvoiceCheck;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.PricingException;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.customer.CustomerBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Turns what the cashier entered (codes, barcodes or scale labels, quantities, discounts, the customer) into a cart
 * priced by {@code SaleMath}, for the quote the screen shows and for the sale the recorder writes, so both show the
 * same figures. Invariant: every figure comes from core's SaleMath; here only the lookups (item, price list, scale
 * label) and the refusals of what cannot be sold are decided. Two statements whatever the cart's size (the items, and
 * the customer's list's prices when the customer has one).
 */
public final class CartPricer {
    private CartPricer() {}

    /**
     * A priced cart: the sale, each line's unit code (for the invoice), the discounts over the cashier's limit, the
     * price list used when it is the customer's (else null), and notes for the cashier (e.g. "priced on list X").
     */
    public record Priced(PricedSale sale, List<String> units, List<PricedInvoiceCheck.OverLimit> overLimit, String customerList,
                         List<String> notes) {}

    /** What one entered line resolved to before pricing. */
    private record Resolved(ItemCatalog.Priced item, Unit unit, long qtyMilli, long rateMinor, boolean inclusive, boolean onCustomerList,
                            Discount discount) {}

    public static Priced price(Handle h, ProfileData profile, List<SaleItem> items, Discount saleDiscount, String customerNumber) {
        if (items.isEmpty()) throw new TerminalException("no_items", "A sale needs at least one item (--item CODE[:QTY]).");
        String customerList = customerNumber == null ? null : CustomerBook.priceList(h, customerNumber);
        if (customerList != null && customerList.equals(profile.priceList())) customerList = null;
        List<Optional<ScaleLabel>> labels = new ArrayList<>(items.size());
        List<String> keys = new ArrayList<>(items.size() * 2);
        for (SaleItem si : items) {
            Optional<ScaleLabel> label = ScaleLabel.read(profile.scaleLayout(), si.codeOrBarcode());
            labels.add(label);
            keys.add(si.codeOrBarcode());
            keys.add(label.map(ScaleLabel::itemBarcode).orElse(""));
        }
        List<Optional<ItemCatalog.Priced>> found = ItemCatalog.pricedAll(h, keys);
        Map<String, ItemCatalog.ListPrice> listPrices = customerList == null ? Map.of()
                : ItemCatalog.listPrices(h, customerList, found.stream().flatMap(Optional::stream).map(ItemCatalog.Priced::code).toList());
        List<Resolved> lines = new ArrayList<>(items.size());
        for (int n = 0; n < items.size(); n++) {
            final int i = n;
            SaleItem si = items.get(i);
            // A code equal to an item's own code or barcode is that item, even when it looks like a scale label.
            Optional<ItemCatalog.Priced> direct = found.get(2 * i);
            Optional<ScaleLabel> label = direct.isPresent() ? Optional.empty() : labels.get(i);
            ItemCatalog.Priced item = direct.or(() -> found.get(2 * i + 1)).orElseThrow(() -> label.isPresent()
                    ? new TerminalException("unknown_item", "Scale label " + si.codeOrBarcode() + " is for item "
                            + label.get().itemBarcode() + ", which is not on this terminal (no item has that barcode). Sync, or type the item.")
                    : new TerminalException("unknown_item", "No item with code or barcode '" + si.codeOrBarcode()
                            + "' on this terminal. Check the code, or sync to get new items."));
            if (!item.active()) {
                throw new TerminalException("item_disabled", "Item " + item.code() + " (" + item.name() + ") is disabled and cannot be sold.");
            }
            Unit unit = Unit.parse(item.unit()).orElseThrow(() -> new TerminalException("unknown_unit", item.code()
                    + " is sold in '" + item.unit() + "', a unit this till does not know (" + Unit.codes() + "). Update the till."));
            ItemCatalog.ListPrice lp = listPrices.get(item.code());
            long rate = lp != null ? lp.priceMinor() : item.priceMinor();
            boolean inclusive = lp != null ? lp.pricesIncludeTax() : item.pricesIncludeTax();
            long qty = quantity(si, label, item, unit, rate, profile);
            lines.add(new Resolved(item, unit, qty, rate, inclusive, lp != null, si.discount()));
        }
        boolean inclusive = lines.stream().anyMatch(Resolved::onCustomerList)
                ? lines.stream().filter(Resolved::onCustomerList).findFirst().orElseThrow().inclusive() : lines.get(0).inclusive();
        for (Resolved r : lines) {
            if (r.inclusive() == inclusive) continue;
            // All lines of one invoice share one tax flag (docs/pricing.md "Customer price lists").
            throw new TerminalException("mixed_price_lists", customerList != null
                    ? "Customer " + customerNumber + " buys at price list " + customerList + ", whose prices " + (inclusive ? "include" : "exclude")
                      + " tax, but " + r.item().code() + " has no price on it and the profile's prices " + (r.inclusive() ? "include" : "exclude")
                      + " tax: one invoice cannot mix both. Sell " + r.item().code() + " in a separate sale without the customer,"
                      + " or ask the back office to price it on " + customerList + "."
                    : "Items " + lines.get(0).item().code() + " and " + r.item().code() + " come from price lists that differ on whether"
                      + " prices include tax; one invoice cannot mix both. Sell them in separate sales.");
        }
        List<CartLine> cart = new ArrayList<>(lines.size());
        List<String> units = new ArrayList<>(lines.size());
        for (Resolved r : lines) {
            requireDiscountFits(r);
            try {
                cart.add(new CartLine(r.item().code(), r.item().name(), r.qtyMilli(), r.unit().measured(), r.rateMinor(),
                        r.item().taxRateBp(), r.discount()));
            } catch (PricingException e) {
                throw new TerminalException("bad_quantity", e.getMessage() + " Give a whole number of " + r.item().code() + ".");
            }
            units.add(r.unit().code());
        }
        PricedSale sale;
        try {
            sale = SaleMath.price(cart, saleDiscount, inclusive);
        } catch (PricingException e) {
            throw new TerminalException("bad_discount", "The sale discount cannot be applied: " + e.getMessage()
                    + " Give a smaller sale discount.");
        } catch (ArithmeticException e) {
            throw new TerminalException("bad_quantity", "The cart's quantities or amounts are too large to price.");
        }
        List<String> notes = new ArrayList<>();
        if (customerList != null && lines.stream().anyMatch(Resolved::onCustomerList)) {
            notes.add("Priced on customer " + customerNumber + "'s price list " + customerList + ".");
        }
        return new Priced(sale, units, PricedInvoiceCheck.overLimit(sale, profile.maxDiscountBp()), customerList, notes);
    }

    /** The quantity of an entered line in thousandths: as typed, one unit, or what its scale label says. */
    private static long quantity(SaleItem si, Optional<ScaleLabel> label, ItemCatalog.Priced item, Unit unit, long rate, ProfileData profile) {
        if (label.isEmpty()) {
            long q = si.qtyMilli() == null ? Unit.MILLI : si.qtyMilli();
            if (q == 0) {
                throw new TerminalException("bad_quantity", "A quantity of 0 " + unit.code() + " of " + item.code()
                        + " cannot be sold: give the quantity (e.g. " + item.code() + ":1.250), or leave the line out.");
            }
            if (q < 0) {
                throw new TerminalException("bad_quantity", "Quantity " + Unit.format(q) + " of " + item.code()
                        + " cannot be negative on a sale; a return is made with: terminal return --against NUMBER --item CODE:QTY.");
            }
            return q;
        }
        ScaleLabel l = label.get();
        if (si.qtyMilli() != null) {
            throw new TerminalException("bad_quantity", "Scale label " + l.code() + " carries its own " + (l.weight() ? "weight" : "price")
                    + "; give it without a quantity.");
        }
        long q;
        if (l.weight()) {
            if (!unit.measured()) {
                throw new TerminalException("bad_scale_label", "Scale label " + l.code() + " gives a weight, but " + item.code()
                        + " is sold by the unit: weigh a measured item, or scan the item's own barcode.");
            }
            try {
                q = l.valueIn(3);
            } catch (ArithmeticException e) {
                throw new TerminalException("bad_scale_label", "Scale label " + l.code() + " gives a weight finer than 0.001 "
                        + unit.code() + "; check the profile's scale layout (value decimals).");
            }
        } else {
            long amount;
            try {
                amount = l.valueIn(profile.currencyDigits());
            } catch (ArithmeticException e) {
                throw new TerminalException("bad_scale_label", "Scale label " + l.code() + " gives a price finer than the currency's"
                        + " minor unit; check the profile's scale layout (value decimals).");
            }
            if (rate <= 0) {
                throw new TerminalException("bad_scale_label", "Scale label " + l.code() + " gives a price, but " + item.code()
                        + " has no price to weigh it by.");
            }
            q = dev.tillsync.core.pricing.Rounding.mulDivHalfEven(amount, Unit.MILLI, rate);
            if (SaleMath.gross(q, rate) != amount || !unit.allows(q)) {
                throw new TerminalException("bad_scale_label", "Scale label " + l.code() + " says " + Money.format(amount) + ", which "
                        + item.code() + " at " + Money.format(rate) + " per " + unit.code() + " does not come to for any quantity"
                        + (unit.measured() ? " in thousandths" : " of whole units") + ": the label is not for this price. Weigh it again.");
            }
        }
        if (q <= 0) {
            throw new TerminalException("bad_quantity", "Scale label " + l.code() + " gives " + (l.weight() ? "a weight" : "a price")
                    + " of 0: weigh the item again.");
        }
        return q;
    }

    /** A line discount the line cannot carry, refused with the item's name before pricing (SaleMath would say it less clearly). */
    private static void requireDiscountFits(Resolved r) {
        Discount d = r.discount();
        if (d == null || d.kind() != Discount.Kind.AMOUNT) return;
        long gross;
        try {
            gross = SaleMath.gross(r.qtyMilli(), r.rateMinor());
        } catch (ArithmeticException e) {
            throw new TerminalException("bad_quantity", "Quantity " + Unit.format(r.qtyMilli()) + " of " + r.item().code() + " is too large.");
        }
        if (d.value() > gross) {
            throw new TerminalException("bad_discount", "A discount of " + Money.format(d.value()) + " on " + r.item().code()
                    + " is more than the line's " + Money.format(gross) + ": give at most " + Money.format(gross) + ".");
        }
    }

    /** The profile's test of a tender being cash (its mode's type), the one the server applies. */
    public static Predicate<Payment> isCash(ProfileData profile) {
        return p -> {
            PaymentModeData m = profile.mode(p.mode());
            return m != null && PaymentModeData.CASH.equalsIgnoreCase(m.type());
        };
    }

    /** The first cash-type payment mode of the profile, for the quote's "cash due"; null when it has none. */
    public static String cashMode(ProfileData profile) {
        return profile.modes().stream().filter(m -> PaymentModeData.CASH.equalsIgnoreCase(m.type())).map(PaymentModeData::name)
                .findFirst().orElse(null);
    }

    /** The priced invoice lines of a cart, in the wire form (core's PricedInvoice.line). */
    public static List<InvoiceLine> lines(Priced p) {
        List<InvoiceLine> out = new ArrayList<>(p.sale().lines().size());
        for (int i = 0; i < p.sale().lines().size(); i++) out.add(PricedInvoice.line(p.sale().lines().get(i), p.units().get(i)));
        return out;
    }
}
