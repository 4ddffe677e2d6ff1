package dev.tillsync.server.master.customers;

import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.refusal.Refusal;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The rules a customer's fields keep, the same for the customers API and the customers CSV import (invariant 9):
 * each returns the value as stored or throws {@link Refusal} with words a manager can act on.
 */
public final class CustomerRules {
    /** Loose on purpose: one @, something before it, a dot after it; mail servers decide the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private CustomerRules() {}

    /** A given customer number: the item-code alphabet (letters, digits, . _ / -), at most 64. */
    public static String number(String number) {
        try {
            return ItemRules.code(number);
        } catch (Refusal r) {
            throw Refusal.invalid("invalid_number", "Customer number '" + (number == null ? "" : number.strip())
                    + "' may have only letters, digits and . _ / - (at most 64, starting with a letter or digit).");
        }
    }

    public static String name(String name) {
        return ItemRules.name("customer", name);
    }

    /** An optional text field (phone, tax number): blank is none; at most 200 characters, no control characters. */
    public static String field(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        if (t.length() > 200 || t.chars().anyMatch(ch -> ch < 0x20)) throw Refusal.invalid("invalid_field", "'" + t.replaceAll("\\p{Cntrl}", "?") + "' is too long or has a control character.");
        return t;
    }

    /** An optional email: blank is none; otherwise it must look like name@domain.tld. */
    public static String email(String s) {
        String t = field(s);
        if (t != null && !EMAIL.matcher(t).matches()) {
            throw Refusal.invalid("invalid_email", "Email '" + t + "' is not an email address (name@domain, e.g. sam@example.com).");
        }
        return t;
    }

    /** An optional price list, which must be an active one ({@code active} answers whether a name is). */
    public static String priceList(String name, Predicate<String> active) {
        if (name == null || name.isBlank()) return null;
        if (!active.test(name.strip())) throw Refusal.unprocessable("unknown_price_list", "No active price list named '" + name.strip() + "'.");
        return name.strip();
    }

    public static String priceList(Handle h, String name) {
        return priceList(name, n -> h.createQuery("select exists (select 1 from price_list where name = :n and active)").bind("n", n).mapTo(Boolean.class).one());
    }

    /** The highest number used so far in the back-office series CUST-BO- (0 when none); callers hold the feed lock. */
    public static long lastInSeries(Handle h) {
        return h.createQuery("""
                select coalesce(max(cast(substr(number, 9) as bigint)), 0) from customer where number ~ '^CUST-BO-[0-9]{1,15}$'
                """).mapTo(Long.class).one();
    }

    /** The number {@code n} of the back-office series: CUST-BO-00042. */
    public static String inSeries(long n) {
        return CustomerService.SERIES + String.format("%05d", n);
    }
}
