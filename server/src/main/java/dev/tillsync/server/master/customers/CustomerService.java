package dev.tillsync.server.master.customers;

import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Customers kept in the back office. Numbers from the back-office series CUST-BO-00001 (tills use their own
 * CUST-&lt;till&gt;- series, so the two never collide) unless one is given. Invariant: each write is one transaction
 * with its audit entry and its customer pull record (a disabled customer is deleted from the feed).
 */
public final class CustomerService {
    public static final String SERIES = "CUST-BO-";

    public record Customer(String number, String name, String phone, String email, String taxNumber, String priceList,
                           boolean active, int version) {}

    public record Spec(String number, String name, String phone, String email, String taxNumber, String priceList,
                       Boolean active, Integer version) {}

    /** The customer as written, with the numbers of other customers sharing the phone (a warning, not a refusal). */
    public record Saved(Customer customer, List<String> samePhone) {}

    private static final String SELECT = "select number, name, phone, email, tax_number, price_list, active, version from customer";

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;
    private final AuditLog audit;

    public CustomerService(Jdbi jdbi, Catalog catalog, ChangeFeed feed, AuditLog audit) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
        this.audit = audit;
    }

    public Page<Customer> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        String where = " where lower(name) like :q or lower(number) like :q or coalesce(phone, '') like :q";
        return jdbi.withHandle(h -> new Page<>(h.createQuery(SELECT + where + " order by name, number offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).map(ConstructorMapper.of(Customer.class)).list(), o, n,
                h.createQuery("select count(*) from customer" + where).bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    public Customer get(String number) {
        return jdbi.withHandle(h -> require(h, number));
    }

    public Saved create(String actor, Spec s) {
        String name = CustomerRules.name(s.name());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            String number = s.number() == null || s.number().isBlank() ? next(h) : CustomerRules.number(s.number());
            if (find(h, number).isPresent()) throw Refusal.conflict("customer_exists", "Customer " + number + " already exists.");
            String list = priceList(h, s.priceList());
            h.createUpdate("""
                    insert into customer (number, name, phone, email, tax_number, price_list) values (:n, :name, :phone, :email, :tax, :list)
                    """).bind("n", number).bind("name", name).bind("phone", blank(s.phone())).bind("email", CustomerRules.email(s.email()))
                    .bind("tax", blank(s.taxNumber())).bind("list", list).execute();
            Customer c = require(h, number);
            audit.record(h, actor, "customer", number, "create", null, c);
            publish(h, c);
            return new Saved(c, others(h, c));
        });
    }

    public Saved update(String actor, String number, Spec s) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            Customer cur = require(h, number);
            Versions.check("customer", number, s.version(), cur.version());
            h.createUpdate("""
                    update customer set name = :name, phone = :phone, email = :email, tax_number = :tax, price_list = :list,
                        active = :a, version = version + 1 where number = :n
                    """)
                    .bind("name", s.name() == null ? cur.name() : CustomerRules.name(s.name()))
                    .bind("phone", s.phone() == null ? cur.phone() : blank(s.phone()))
                    .bind("email", s.email() == null ? cur.email() : CustomerRules.email(s.email()))
                    .bind("tax", s.taxNumber() == null ? cur.taxNumber() : blank(s.taxNumber()))
                    .bind("list", s.priceList() == null ? cur.priceList() : priceList(h, s.priceList()))
                    .bind("a", s.active() == null ? cur.active() : s.active()).bind("n", number).execute();
            Customer c = require(h, number);
            audit.record(h, actor, "customer", number, c.active() == cur.active() ? "update" : (c.active() ? "enable" : "disable"), cur, c);
            publish(h, c);
            return new Saved(c, others(h, c));
        });
    }

    private List<String> others(Handle h, Customer c) {
        return catalog.customersWithPhone(h, c.phone()).stream().filter(n -> !n.equals(c.number())).toList();
    }

    /** The customer's pull record: its state when active, a deletion when disabled (also used by the CSV import). */
    public void publish(Handle h, Customer c) {
        if (c.active()) {
            feed.put(h, Entities.CUSTOMER, "", c.number(), wire(c));
        } else {
            feed.delete(h, Entities.CUSTOMER, "", c.number());
        }
    }

    /** What the pull feed carries of an active customer. */
    public static CustomerData wire(Customer c) {
        return new CustomerData(c.number(), c.name(), c.phone(), c.email(), c.taxNumber(), c.priceList());
    }

    /** The next free number of the back-office series (under the feed lock, so two creations never take the same). */
    private static String next(Handle h) {
        return CustomerRules.inSeries(CustomerRules.lastInSeries(h) + 1);
    }

    private static String priceList(Handle h, String name) {
        return CustomerRules.priceList(h, name);
    }

    private static String blank(String s) {
        return CustomerRules.field(s);
    }

    private Optional<Customer> find(Handle h, String number) {
        return h.createQuery(SELECT + " where number = :n").bind("n", number).map(ConstructorMapper.of(Customer.class)).findOne();
    }

    private Customer require(Handle h, String number) {
        return find(h, number).orElseThrow(() -> Refusal.notFound("No customer numbered '" + number + "'."));
    }
}
