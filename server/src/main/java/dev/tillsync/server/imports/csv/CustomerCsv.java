package dev.tillsync.server.imports.csv;

import dev.tillsync.server.master.customers.CustomerRules;
import dev.tillsync.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The customers CSV ({@code number,name,phone,email,tax_number,price_list}, order free) read into rows, each field
 * checked with {@link CustomerRules} (the customers API's rules). A column the header leaves out is kept as it is on an
 * existing customer ({@code null} in the row, {@code present} false); a blank cell clears the field. Invariant: a row
 * is either in {@code rows} or in {@code refused}, and a customer (a number, or for a blank number the same name,
 * phone and email) appears at most once.
 */
public final class CustomerCsv {
    public static final List<String> COLUMNS = List.of("number", "name", "phone", "email", "tax_number", "price_list");
    private static final List<String> REQUIRED = List.of("number", "name");

    /** {@code number} null: blank, the import takes the next of the CUST-BO- series (or the same customer already there). */
    public record Row(int line, String number, String name, String phone, String email, String taxNumber, String priceList) {
        /** What identifies a customer that has no number in the file. */
        String likeKey() {
            return name + "\u0000" + (phone == null ? "" : phone) + "\u0000" + (email == null ? "" : email.toLowerCase(Locale.ROOT));
        }
    }

    public record Parsed(List<Row> rows, List<CatalogCsv.Refused> refused, Set<String> present) {
        public boolean has(String column) {
            return present.contains(column);
        }
    }

    private CustomerCsv() {}

    public static Parsed parse(CsvFile file, Set<String> activePriceLists) {
        Map<String, Integer> at = Headers.check(file, COLUMNS, REQUIRED, "customers", "number (blank for a new customer numbered by the shop) and name");
        List<Row> rows = new ArrayList<>();
        List<CatalogCsv.Refused> refused = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>(), likes = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            String column = null;
            String number = null;
            try {
                Headers.fieldCount(row, at.size());
                column = "number";
                String n = Headers.get(row, at, "number");
                number = n == null || n.isBlank() ? null : CustomerRules.number(n);
                column = "name";
                String name = CustomerRules.name(Headers.get(row, at, "name"));
                column = "phone";
                String phone = CustomerRules.field(CsvCells.plain(Headers.get(row, at, "phone")));
                column = "email";
                String email = CustomerRules.email(CsvCells.plain(Headers.get(row, at, "email")));
                column = "tax_number";
                String tax = CustomerRules.field(CsvCells.plain(Headers.get(row, at, "tax_number")));
                column = "price_list";
                String list = CustomerRules.priceList(Headers.get(row, at, "price_list"), activePriceLists::contains);
                Row r = new Row(row.line(), number, name, phone, email, tax, list);
                column = "number";
                Integer other = number != null ? numbers.putIfAbsent(number, row.line()) : likes.putIfAbsent(r.likeKey(), row.line());
                if (other != null) {
                    throw Refusal.invalid("duplicate_row", number != null
                            ? "customer " + number + " is also at line " + other + "; put one row per customer."
                            : "this customer (no number, same name, phone and email) is also at line " + other + "; put one row per customer.");
                }
                rows.add(r);
            } catch (Refusal e) {
                String m = e.getMessage();
                if (e.code().equals("unknown_price_list")) m = m.substring(0, m.length() - 1) + "; the shop's are " + activePriceLists.stream().sorted().toList() + ".";
                refused.add(new CatalogCsv.Refused(row.line(), column, number, m));
            }
        }
        return new Parsed(List.copyOf(rows), List.copyOf(refused), Set.copyOf(file.header()));
    }
}
