package dev.tillsync.server.master.staff;

import dev.tillsync.core.auth.Secrets;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Cashiers: people with a name and a PIN (role Cashier, no console password, never a console sign-in), known to the
 * tills by their login (the email when given, else a handle made from the name: lina.park, lina.park2).
 * Invariant: each write is one transaction with its audit entry that republishes every till the cashier is on.
 */
public final class StaffService {
    public static final String CASHIER = "Cashier";

    public record Cashier(long id, String login, String name, String email, boolean hasPin, boolean active, int version,
                          List<DeviceRegistry.Assignment> tills) {}

    public record Spec(String name, String email, String pin, Boolean active, Integer version) {}

    public record Pin(String pin) {}

    public record Tills(List<DeviceRegistry.Assignment> tills, Integer version) {}

    private final Jdbi jdbi;
    private final ChangeFeed feed;
    private final DeviceRegistry devices;
    private final AuditLog audit;

    public StaffService(Jdbi jdbi, ChangeFeed feed, DeviceRegistry devices, AuditLog audit) {
        this.jdbi = jdbi;
        this.feed = feed;
        this.devices = devices;
        this.audit = audit;
    }

    private record Row(long id, String login, String firstName, String lastName, String email, boolean hasPin, boolean active, int version) {}

    private static final String SELECT = """
            select id, login, first_name, last_name, email, pin_hash is not null as has_pin, active, version from app_user
            where role = 'Cashier'
            """;

    public Page<Cashier> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        String where = " and (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like :q or login like :q)";
        return jdbi.withHandle(h -> new Page<>(h.createQuery(SELECT + where + " order by login offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).map((rs, c) -> row(rs)).list().stream().map(r -> view(h, r)).toList(),
                o, n, h.createQuery("select count(*) from app_user where role = 'Cashier'" + where).bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    public Cashier get(String login) {
        return jdbi.withHandle(h -> view(h, require(h, login)));
    }

    public Cashier create(String actor, Spec s) {
        String name = ItemRules.name("cashier", s.name());
        String email = email(s.email());
        String pin = pin(s.pin());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            if (email != null && exists(h, email)) throw Refusal.conflict("login_taken", "A user with email " + email + " already exists.");
            String login = email != null ? email : handle(h, name);
            String[] parts = split(name);
            h.createUpdate("""
                    insert into app_user (login, email, role, first_name, last_name, pin_hash) values (:l, :e, 'Cashier', :f, :ln, :p)
                    """).bind("l", login).bind("e", email).bind("f", parts[0]).bind("ln", parts[1]).bind("p", Secrets.bcrypt(pin)).execute();
            Cashier c = view(h, require(h, login));
            audit.record(h, actor, "staff", login, "create", null, c);
            return c;
        });
    }

    /** Name, email (the login stays: tills and shifts carry it) and active; a disabled cashier leaves every till's list. */
    public Cashier update(String actor, String login, Spec s) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            Row cur = require(h, login);
            Versions.check("cashier", login, s.version(), cur.version());
            String[] parts = s.name() == null ? new String[] {cur.firstName(), cur.lastName()} : split(ItemRules.name("cashier", s.name()));
            String email = s.email() == null ? cur.email() : email(s.email());
            if (email != null && !email.equals(cur.email()) && exists(h, email)) {
                throw Refusal.conflict("login_taken", "A user with email " + email + " already exists.");
            }
            h.createUpdate("""
                    update app_user set first_name = :f, last_name = :ln, email = :e, active = :a,
                        pin_hash = coalesce(:p, pin_hash), version = version + 1 where id = :id
                    """).bind("f", parts[0]).bind("ln", parts[1]).bind("e", email)
                    .bind("a", s.active() == null ? cur.active() : s.active())
                    .bind("p", s.pin() == null || s.pin().isEmpty() ? null : Secrets.bcrypt(pin(s.pin()))).bind("id", cur.id()).execute();
            devices.userChanged(h, cur.id());
            Cashier before = view(h, cur), after = view(h, require(h, login));
            audit.record(h, actor, "staff", login, after.active() == cur.active() ? "update" : (after.active() ? "enable" : "disable"), before, after);
            return after;
        });
    }

    /** A new PIN; the hash travels to the tills on their next pull (the old one stops working there). */
    public Cashier resetPin(String actor, String login, Pin p) {
        String pin = pin(p == null ? null : p.pin());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            Row cur = require(h, login);
            h.createUpdate("update app_user set pin_hash = :p, version = version + 1 where id = :id").bind("p", Secrets.bcrypt(pin)).bind("id", cur.id()).execute();
            devices.userChanged(h, cur.id());
            audit.record(h, actor, "staff", login, "reset_pin", null, null);
            return view(h, require(h, login));
        });
    }

    /** Replaces the tills the cashier is on (flags and shift types per till). */
    public Cashier assign(String actor, String login, Tills t) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            Row cur = require(h, login);
            if (t.version() != null) Versions.check("cashier", login, t.version(), cur.version());
            Cashier before = view(h, cur);
            devices.assignUser(h, cur.id(), t.tills() == null ? List.of() : t.tills());
            h.createUpdate("update app_user set version = version + 1 where id = :id").bind("id", cur.id()).execute();
            Cashier after = view(h, require(h, login));
            audit.record(h, actor, "staff", login, "assign", before.tills(), after.tills());
            return after;
        });
    }

    private Cashier view(Handle h, Row r) {
        String name = ((r.firstName() == null ? "" : r.firstName()) + " " + (r.lastName() == null ? "" : r.lastName())).strip();
        return new Cashier(r.id(), r.login(), name, r.email(), r.hasPin(), r.active(), r.version(), devices.assignments(h, r.id()));
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("login"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getBoolean("has_pin"), rs.getBoolean("active"), rs.getInt("version"));
    }

    private Optional<Row> find(Handle h, String login) {
        return h.createQuery(SELECT + " and login = :l").bind("l", login == null ? "" : login.strip().toLowerCase()).map((rs, c) -> row(rs)).findOne();
    }

    private Row require(Handle h, String login) {
        return find(h, login).orElseThrow(() -> Refusal.notFound("No cashier with login '" + login + "'."));
    }

    private static boolean exists(Handle h, String login) {
        return h.createQuery("select exists (select 1 from app_user where login = :l or email = :l)").bind("l", login).mapTo(Boolean.class).one();
    }

    /** lina.park, then lina.park2, lina.park3... (accents dropped, anything but letters and digits a dot). */
    static String handle(Handle h, String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (base.isEmpty()) base = "cashier";
        if (base.length() > 40) base = base.substring(0, 40);
        String login = base;
        for (int n = 2; exists(h, login); n++) login = base + n;
        return login;
    }

    private static String[] split(String name) {
        int sp = name.indexOf(' ');
        return sp < 0 ? new String[] {name, null} : new String[] {name.substring(0, sp), name.substring(sp + 1).strip()};
    }

    private static String email(String e) {
        if (e == null || e.isBlank()) return null;
        String t = e.strip().toLowerCase();
        if (!t.matches("[^@\\s]+@[^@\\s]+") || t.length() > 200) throw Refusal.invalid("invalid_email", "Email '" + t + "' is not an email address.");
        return t;
    }

    private static String pin(String p) {
        if (p == null || !p.matches("\\d{4,8}")) throw Refusal.invalid("invalid_pin", "A PIN is 4 to 8 digits.");
        return p;
    }
}
