package dev.tillsync.server.master;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.refusal.Refusal;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The rules a master-data value must keep, the same for the API, the console and the CSV import (invariant 9). Each
 * check returns the value in its stored form or throws {@link Refusal} (INVALID) whose code names the field and whose
 * message a manager can act on. Rules that need the database (a barcode on another item, an unknown category) are
 * the services' and the import's, backed by the schema's constraints.
 */
public final class ItemRules {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern BARCODE = Pattern.compile("[A-Za-z0-9-]{1,48}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,9})?");
    /** Characters a spreadsheet runs as a formula when a cell starts with them (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    public static final int NAME_MAX = 200;

    private ItemRules() {}

    /** An item code: 1-64 letters, digits and . _ / -, starting with a letter or digit. */
    public static String code(String code) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty()) throw Refusal.invalid("invalid_code", "The item code is empty.");
        if (!CODE.matcher(c).matches()) {
            throw Refusal.invalid("invalid_code", "Item code '" + c + "' may have only letters, digits and . _ / - (at most 64, starting with a letter or digit).");
        }
        return c;
    }

    /** A name (item, category, customer...): 1-200 characters, no control characters, not starting like a formula. */
    public static String name(String what, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw Refusal.invalid("invalid_name", "The " + what + " name is empty.");
        if (n.length() > NAME_MAX) throw Refusal.invalid("invalid_name", "The " + what + " name has " + n.length() + " characters; at most " + NAME_MAX + ".");
        if (n.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw Refusal.invalid("invalid_name", "The " + what + " name '" + n.replaceAll("\\p{Cntrl}", "?") + "' has a control character (a tab or line break).");
        }
        if (FORMULA_STARTS.indexOf(n.charAt(0)) >= 0) {
            throw Refusal.invalid("invalid_name", "The " + what + " name '" + n + "' starts with '" + n.charAt(0)
                    + "', which spreadsheets run as a formula; start it with a letter or digit.");
        }
        return n;
    }

    /** A unit of measure code. */
    public static Unit unit(String unit) {
        if (unit == null || unit.isBlank()) return Unit.UNIT;
        return Unit.parse(unit).orElseThrow(() -> Refusal.invalid("invalid_unit", "Unit '" + unit.trim() + "' is not one of " + Unit.codes() + "."));
    }

    /**
     * A barcode: 1-48 letters, digits or -. An all-digit barcode of 8, 12 or 13 digits is an EAN-8, UPC-A or EAN-13
     * and must carry the right check digit (a mistyped one is refused, never stored).
     */
    public static String barcode(String barcode) {
        String b = barcode == null ? "" : barcode.trim();
        if (!BARCODE.matcher(b).matches()) {
            throw Refusal.invalid("invalid_barcode", "Barcode '" + b + "' may have only letters, digits and - (1 to 48).");
        }
        if (b.chars().allMatch(Character::isDigit) && (b.length() == 8 || b.length() == 12 || b.length() == 13)) {
            char expected = checkDigit(b.substring(0, b.length() - 1));
            if (b.charAt(b.length() - 1) != expected) {
                throw Refusal.invalid("invalid_barcode", "Barcode " + b + " has check digit " + b.charAt(b.length() - 1)
                        + " but its other digits call for " + expected + "; check the number on the label.");
            }
        }
        return b;
    }

    /** The GTIN (EAN/UPC) check digit of the digits before it (core {@code Gtin}, shared with the till's scale labels). */
    public static char checkDigit(String digits) {
        return dev.tillsync.core.master.Gtin.checkDigit(digits);
    }

    /**
     * A price in major units ("12.50") as minor units of a currency with {@code digits} decimals; refused when
     * negative, not a number, or with more decimals than the currency has.
     */
    public static long price(String text, int digits, String currency) {
        BigDecimal v = decimal("price", text);
        if (v.signum() < 0) throw Refusal.invalid("invalid_price", "Price " + text.trim() + " is negative.");
        if (v.stripTrailingZeros().scale() > digits) {
            throw Refusal.invalid("invalid_price", "Price " + text.trim() + " has more decimals than " + currency + " has (" + digits + ").");
        }
        try {
            return v.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw Refusal.invalid("invalid_price", "Price " + text.trim() + " is too large.");
        }
    }

    /**
     * A quantity of {@code unit} ("1.250") in thousandths; at most 3 decimals, and whole for a {@code unit} item.
     * {@code negativeAllowed}: an adjustment may take stock away; a count or a receipt may not.
     */
    public static long quantity(String text, Unit unit, String itemCode, boolean negativeAllowed) {
        BigDecimal v = decimal("quantity", text);
        if (!negativeAllowed && v.signum() < 0) throw Refusal.invalid("invalid_quantity", "Quantity " + text.trim() + " is negative.");
        if (v.stripTrailingZeros().scale() > 3) {
            throw Refusal.invalid("invalid_quantity", "Quantity " + text.trim() + " has more than 3 decimals (thousandths of a " + unit.code() + ").");
        }
        long milli;
        try {
            milli = v.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            throw Refusal.invalid("invalid_quantity", "Quantity " + text.trim() + " is too large.");
        }
        if (!unit.allows(milli)) {
            throw Refusal.invalid("invalid_quantity", "Item " + itemCode + " is sold by the unit, so quantity " + text.trim()
                    + " must be a whole number (only kg, g, l and m items take fractions).");
        }
        return milli;
    }

    private static BigDecimal decimal(String what, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) throw Refusal.invalid("invalid_" + what, "The " + what + " is empty.");
        if (!DECIMAL.matcher(t).matches()) {
            throw Refusal.invalid("invalid_" + what, "'" + t + "' is not a " + what + "; write it with digits and a point, e.g. 12.50.");
        }
        return new BigDecimal(t);
    }
}
