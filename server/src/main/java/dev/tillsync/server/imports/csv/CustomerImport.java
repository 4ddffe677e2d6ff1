package dev.tillsync.server.imports.csv;

import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.customers.CustomerRules;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.customers.CustomerService.Customer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Applies a customers CSV all or nothing in one transaction: upsert on number; a blank number is the customer already
 * there with the same name, phone and email, else a new one numbered from the CUST-BO- series, as CustomerService
 * numbers them. Each created or updated customer is audited (old → new, the API's shape) and published to the pull
 * feed in that transaction. Invariant: an unchanged customer is not touched (no version bump, no audit, no feed
 * record), so the same file twice writes nothing; the import never enables or disables a customer.
 */
public final class CustomerImport {
    private final Jdbi jdbi;
    private final ChangeFeed feed;
    private final AuditLog audit;

    public CustomerImport(Jdbi jdbi, ChangeFeed feed, AuditLog audit) {
        this.jdbi = jdbi;
        this.feed = feed;
        this.audit = audit;
    }

    private record Planned(int line, String action, Customer before, Customer after) {}

    public CsvImportResult run(byte[] csv, String actor, boolean dryRun) {
        CsvFile file = CsvFile.parse(csv);
        return jdbi.inTransaction(h -> {
            var lists = new HashSet<>(h.createQuery("select name from price_list where active").mapTo(String.class).list());
            CustomerCsv.Parsed p = CustomerCsv.parse(file, lists);
            if (!p.refused().isEmpty()) {
                h.rollback();
                return new CsvImportResult(0, 0, 0, p.refused(), false, List.of());
            }
            // Under the feed lock, like CustomerService: two writers never take the same series number.
            if (!dryRun) feed.lock(h);
            List<Planned> plan = plan(h, p);
            int created = 0, updated = 0, unchanged = 0;
            List<CsvImportResult.Change> changes = new ArrayList<>();
            for (Planned x : plan) {
                switch (x.action()) {
                    case "created" -> created++;
                    case "updated" -> updated++;
                    default -> unchanged++;
                }
                if (!x.action().equals("unchanged") && changes.size() < CsvImportResult.PREVIEW_ROWS) {
                    changes.add(new CsvImportResult.Change(x.line(), x.after().number(), x.action(), describe(x)));
                }
            }
            if (dryRun) {
                h.rollback();
                return new CsvImportResult(created, updated, unchanged, List.of(), false, List.copyOf(changes));
            }
            apply(h, actor, plan);
            return new CsvImportResult(created, updated, unchanged, List.of(), true, List.copyOf(changes));
        });
    }

    private static List<Planned> plan(Handle h, CustomerCsv.Parsed p) {
        Map<String, Customer> byNumber = new HashMap<>();
        Map<String, Customer> byLike = new HashMap<>();
        h.createQuery("select number, name, phone, email, tax_number, price_list, active, version from customer order by number")
                .setFetchSize(10_000).map(ConstructorMapper.of(Customer.class)).forEach(c -> {
                    byNumber.put(c.number(), c);
                    byLike.putIfAbsent(new CustomerCsv.Row(0, null, c.name(), c.phone(), c.email(), null, null).likeKey(), c);
                });
        long next = CustomerRules.lastInSeries(h);
        // A series number the file gives explicitly is taken too, so a blank-number row never gets it.
        for (CustomerCsv.Row r : p.rows()) {
            if (r.number() != null && r.number().matches("CUST-BO-[0-9]{1,15}")) next = Math.max(next, Long.parseLong(r.number().substring(8)));
        }
        List<Planned> out = new ArrayList<>(p.rows().size());
        for (CustomerCsv.Row r : p.rows()) {
            Customer cur = r.number() != null ? byNumber.get(r.number()) : byLike.get(r.likeKey());
            if (cur == null) {
                String number = r.number() != null ? r.number() : CustomerRules.inSeries(++next);
                out.add(new Planned(r.line(), "created", null, new Customer(number, r.name(), r.phone(), r.email(), r.taxNumber(), r.priceList(), true, 1)));
                continue;
            }
            Customer after = new Customer(cur.number(), r.name(),
                    p.has("phone") ? r.phone() : cur.phone(), p.has("email") ? r.email() : cur.email(),
                    p.has("tax_number") ? r.taxNumber() : cur.taxNumber(), p.has("price_list") ? r.priceList() : cur.priceList(),
                    cur.active(), cur.version());
            boolean same = after.name().equals(cur.name()) && Objects.equals(after.phone(), cur.phone()) && Objects.equals(after.email(), cur.email())
                    && Objects.equals(after.taxNumber(), cur.taxNumber()) && Objects.equals(after.priceList(), cur.priceList());
            if (same) {
                out.add(new Planned(r.line(), "unchanged", cur, cur));
            } else if (r.number() == null) {
                // Same name, phone and email but other details: not provably the same person, so a new customer.
                out.add(new Planned(r.line(), "created", null, new Customer(CustomerRules.inSeries(++next), r.name(), r.phone(), r.email(), r.taxNumber(), r.priceList(), true, 1)));
            } else {
                out.add(new Planned(r.line(), "updated", cur, new Customer(after.number(), after.name(), after.phone(), after.email(),
                        after.taxNumber(), after.priceList(), after.active(), cur.version() + 1)));
            }
        }
        return out;
    }

    private void apply(Handle h, String actor, List<Planned> plan) {
        PreparedBatch insert = h.prepareBatch("""
                insert into customer (number, name, phone, email, tax_number, price_list) values (:number, :name, :phone, :email, :taxNumber, :priceList)""");
        PreparedBatch update = h.prepareBatch("""
                update customer set name = :name, phone = :phone, email = :email, tax_number = :taxNumber, price_list = :priceList,
                    version = version + 1 where number = :number""");
        List<ChangeFeed.Put> puts = new ArrayList<>();
        for (Planned x : plan) {
            if (x.action().equals("unchanged")) continue;
            (x.before() == null ? insert : update).bindMethods(x.after()).add();
            // A disabled customer stays out of the tills' feed (CustomerService deleted its record when disabling it).
            if (x.after().active()) puts.add(new ChangeFeed.Put(Entities.CUSTOMER, "", x.after().number(), CustomerService.wire(x.after())));
        }
        if (insert.size() > 0) insert.execute();
        if (update.size() > 0) update.execute();
        audit.recordAll(h, actor, "customer", plan.stream().filter(x -> !x.action().equals("unchanged"))
                .map(x -> new AuditLog.Change(x.after().number(), x.before() == null ? "create" : "update", x.before(), x.after())).toList());
        feed.putAllLocked(h, puts);
    }

    private static String describe(Planned x) {
        Customer a = x.after(), b = x.before();
        if (b == null) return a.name() + (a.phone() == null ? "" : ", " + a.phone()) + (a.email() == null ? "" : ", " + a.email());
        List<String> d = new ArrayList<>();
        diff(d, "name", b.name(), a.name());
        diff(d, "phone", b.phone(), a.phone());
        diff(d, "email", b.email(), a.email());
        diff(d, "tax number", b.taxNumber(), a.taxNumber());
        diff(d, "price list", b.priceList(), a.priceList());
        return String.join("; ", d);
    }

    private static void diff(List<String> out, String what, String before, String after) {
        if (!Objects.equals(before, after)) out.add(what + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
    }
}
