package dev.tillsync.terminal;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.Discount;
import java.math.BigDecimal;

/**
 * One scanned or typed line as the cashier entered it: an item code, barcode or scale label, a quantity in thousandths
 * of the item's unit ({@code qtyMilli} null = one unit, or what a scale label says) and an optional line discount.
 * Nothing here is priced: the till prices the line with the prices in force locally.
 */
public record SaleItem(String codeOrBarcode, Long qtyMilli, Discount discount) {
    /** The default reason a discount typed without one carries. */
    public static final String DEFAULT_REASON = "cashier";

    /** {@code units} whole units of an item, no discount (the previous release's form). */
    public SaleItem(String codeOrBarcode, long units) {
        this(codeOrBarcode, Math.multiplyExact(units, Unit.MILLI), null);
    }

    /** {@code n} whole units of an item, no discount. */
    public static SaleItem units(String codeOrBarcode, long n) {
        return new SaleItem(codeOrBarcode, n);
    }

    /** The same line with another discount. */
    public SaleItem withDiscount(Discount d) {
        return new SaleItem(codeOrBarcode, qtyMilli, d);
    }

    /** Whole units of the quantity (1 when none was given): for readers of the previous release's form. */
    @com.fasterxml.jackson.annotation.JsonIgnore // derived, not part of a parked cart's JSON
    public long qty() {
        return qtyMilli == null ? 1 : qtyMilli / Unit.MILLI;
    }

    /** Parses {@code CODE[:QTY[:DISCOUNT]]} with the default discount reason. */
    public static SaleItem parse(String text) {
        return parse(text, DEFAULT_REASON);
    }

    /**
     * Parses {@code CODE[:QTY[:DISCOUNT]]} as typed on the CLI: QTY a whole or decimal number ({@code 1.250}),
     * DISCOUNT {@code 10%} or an amount ({@code 1.50}, in the profile's currency). CODE may be a scale label; without
     * QTY the quantity is one unit or what the label says.
     */
    public static SaleItem parse(String text, String discountReason) {
        if (text == null || text.isBlank()) {
            throw new TerminalException("bad_item", "An item is empty: give an item code or barcode, optionally :QTY[:DISCOUNT].");
        }
        String[] p = text.split(":", -1);
        if (p.length > 3) {
            throw new TerminalException("bad_item", "Item '" + text + "' should be CODE[:QTY[:DISCOUNT]], e.g. PEN:2 or FRUIT-BANANA:1.250:10%.");
        }
        String code = p[0].trim();
        if (code.isEmpty()) throw new TerminalException("bad_item", "Item '" + text + "' has no code: give an item code or barcode before the ':'.");
        Long qty = p.length < 2 || p[1].isBlank() ? null : quantity(p[1].trim(), code);
        Discount d = p.length < 3 || p[2].isBlank() ? null : discount(p[2].trim(), discountReason, "item " + code);
        return new SaleItem(code, qty, d);
    }

    /** A quantity as typed ({@code 2}, {@code 1.250}) in thousandths; refused when not a number or finer than 0.001. */
    public static long quantity(String q, String code) {
        try {
            return new BigDecimal(q).movePointRight(3).longValueExact();
        } catch (NumberFormatException e) {
            throw new TerminalException("bad_quantity", "Quantity '" + q + "' for item '" + code + "' is not a number (e.g. 2 or 1.250).");
        } catch (ArithmeticException e) {
            throw new TerminalException("bad_quantity", "Quantity '" + q + "' for item '" + code + "' has more than 3 decimals (or is too large).");
        }
    }

    /** A discount as typed: {@code 10%} (basis points) or an amount {@code 1.50} (minor units of the profile's currency). */
    public static Discount discount(String text, String reason, String what) {
        String t = text.trim();
        String why = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.trim();
        try {
            if (t.endsWith("%")) {
                long bp = new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointRight(2).longValueExact();
                return Discount.percent(bp, why);
            }
            return Discount.amount(Money.parse(t), why);
        } catch (dev.tillsync.core.pricing.PricingException e) {
            throw new TerminalException("bad_discount", "Discount '" + text + "' on " + what + ": " + e.getMessage()
                    + " Give at most 100% or an amount within the line.");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TerminalException("bad_discount", "Discount '" + text + "' on " + what + " should be a percentage (10%) or an amount (1.50).");
        } catch (IllegalArgumentException e) {
            throw new TerminalException("bad_discount", "Discount '" + text + "' on " + what + ": " + e.getMessage()
                    + ". Give a percentage (10%) or an amount (1.50).");
        }
    }
}
