package dev.tillsync.terminal.customer;

import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.NewCustomer;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Customers. Invariant: a customer made here is numbered from the device's customer series and written with
 * its outbox row in one transaction, so it never needs renumbering (invariant 2).
 */
public final class CustomerBook {
    private final TerminalStore store;
    private final Clock clock;

    public CustomerBook(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Customer add(NewCustomer c) {
        if (c.name() == null || c.name().isBlank()) throw new TerminalException("bad_customer", "A customer needs a name (--name).");
        if (c.email() != null && !c.email().isBlank() && !c.email().contains("@")) {
            throw new TerminalException("bad_customer", "'" + c.email() + "' is not an email address.");
        }
        Instant now = clock.instant();
        return store.inTx(h -> {
            DeviceState device = DeviceRepo.requireExisting(h);
            String number = NumberingSeries.customers(device.config().customerSeries()).format(Counters.next(h, Counters.CUSTOMER));
            Customer customer = new Customer(number, c.name().trim(), blankToNull(c.phone()), blankToNull(c.email()), true);
            h.createUpdate("insert into customer (number, name, phone, email, local, created_at) values (:n, :name, :phone, :email, 1, :at)")
                    .bind("n", number).bind("name", customer.name()).bind("phone", customer.phone()).bind("email", customer.email())
                    .bind("at", now.toString()).execute();
            Outbox.append(h, RowKind.CUSTOMER, number, new CustomerPayload(number, customer.name(), customer.phone(), customer.email(), now), now);
            EventLog.append(h, now, "customer_add", number, customer.name());
            return customer;
        });
    }

    /** A customer as the server sent it on a pull; a customer made here keeps its local flag and creation time. */
    public static void savePulled(Handle h, CustomerData d) {
        h.createUpdate("""
                insert into customer (number, name, phone, email, local, price_list) values (:number, :name, :phone, :email, 0, :priceList)
                on conflict (number) do update set name = excluded.name, phone = excluded.phone, email = excluded.email,
                    price_list = excluded.price_list
                """).bindMethods(d).execute();
    }

    /** The price list the customer buys at, when it is not the profile's (null for none or an unknown customer). */
    public static String priceList(Handle h, String number) {
        return h.createQuery("select price_list from customer where number = :n").bind("n", number).mapTo(String.class)
                .findOne().orElse(null);
    }

    public static Optional<Customer> find(Handle h, String number) {
        return h.createQuery("select number, name, phone, email, local from customer where number = :n").bind("n", number)
                .map(CustomerBook::map).findOne();
    }

    public List<Customer> search(String text, int limit) {
        String like = "%" + (text == null ? "" : text.trim().toLowerCase()) + "%";
        return store.read(h -> h.createQuery("""
                select number, name, phone, email, local from customer
                where lower(number) like :l or lower(name) like :l or lower(coalesce(phone, '')) like :l or lower(coalesce(email, '')) like :l
                order by name, number limit :limit
                """).bind("l", like).bind("limit", limit).map(CustomerBook::map).list());
    }

    private static Customer map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Customer(rs.getString("number"), rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getInt("local") == 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
