package dev.tillsync.server.stock;

import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The shop's warehouses (stock is held per warehouse; a POS profile sells from one).
 * Invariant: each write is one transaction with its audit entry; a warehouse keeps its name (stock, the ledger and
 * the tills' pull records carry it) and is disabled, never deleted; a warehouse a profile sells from stays active.
 */
public final class Warehouses {
    /** A warehouse with what uses it: items with a level there, and the POS profiles that sell from it. */
    public record Warehouse(String name, boolean active, int version, long items, List<String> profiles) {}

    public record Spec(String name, Boolean active, Integer version) {}

    private final Jdbi jdbi;
    private final AuditLog audit;

    public Warehouses(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public Page<Warehouse> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        return jdbi.withHandle(h -> new Page<>(h.createQuery("select name from warehouse where lower(name) like :q order by name offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).mapTo(String.class).list().stream().map(w -> require(h, w)).toList(), o, n,
                h.createQuery("select count(*) from warehouse where lower(name) like :q").bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    /** Names of the active warehouses, for the console's selects. */
    public List<String> activeNames() {
        return jdbi.withHandle(h -> h.createQuery("select name from warehouse where active order by name").mapTo(String.class).list());
    }

    /** The warehouse the first active POS profile sells from: where most goods are received and counted. */
    public Optional<String> sellingDefault() {
        return jdbi.withHandle(h -> h.createQuery("select warehouse from pos_profile where active order by id limit 1").mapTo(String.class).findOne());
    }

    public Warehouse get(String name) {
        return jdbi.withHandle(h -> require(h, name));
    }

    public Warehouse create(String actor, Spec s) {
        String name = ItemRules.name("warehouse", s.name());
        if (name.length() > 120) throw Refusal.invalid("invalid_name", "A warehouse name has at most 120 characters.");
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("insert into warehouse (name, active) values (:n, :a) on conflict (name) do nothing")
                    .bind("n", name).bind("a", s.active() == null || s.active()).execute();
            if (n == 0) throw Refusal.conflict("warehouse_exists", "Warehouse '" + name + "' already exists.");
            Warehouse w = require(h, name);
            audit.record(h, actor, "warehouse", name, "create", null, w);
            return w;
        });
    }

    /** Enables or disables (the only thing a warehouse has to change), with the version read. */
    public Warehouse update(String actor, String name, Spec s) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select name from warehouse where name = :n for update").bind("n", name).mapTo(String.class).findOne();
            Warehouse cur = require(h, name);
            Versions.check("warehouse", name, s.version(), cur.version());
            if (s.name() != null && !s.name().strip().equals(name)) {
                throw Refusal.invalid("name_immutable", "A warehouse keeps its name (its stock, ledger and the tills carry it); create a new one, transfer the stock, and disable this one.");
            }
            boolean active = s.active() == null ? cur.active() : s.active();
            if (!active && !cur.profiles().isEmpty()) {
                throw Refusal.conflict("warehouse_in_use", "Warehouse '" + name + "' is the warehouse of POS profile " + String.join(", ", cur.profiles())
                        + "; give that profile another warehouse first.");
            }
            h.createUpdate("update warehouse set active = :a, version = version + 1 where name = :n").bind("a", active).bind("n", name).execute();
            Warehouse w = require(h, name);
            audit.record(h, actor, "warehouse", name, active == cur.active() ? "update" : (active ? "enable" : "disable"), cur, w);
            return w;
        });
    }

    private Optional<Warehouse> find(Handle h, String name) {
        return h.createQuery("""
                        select w.name, w.active, w.version,
                               (select count(*) from stock s where s.warehouse = w.name and s.qty_milli <> 0) as items,
                               coalesce((select string_agg(p.name, '|' order by p.name) from pos_profile p where p.warehouse = w.name and p.active), '') as profiles
                        from warehouse w where w.name = :n
                        """).bind("n", name)
                .map((rs, c) -> new Warehouse(rs.getString("name"), rs.getBoolean("active"), rs.getInt("version"), rs.getLong("items"),
                        rs.getString("profiles").isEmpty() ? List.of() : List.of(rs.getString("profiles").split("\\|"))))
                .findOne();
    }

    private Warehouse require(Handle h, String name) {
        return find(h, name).orElseThrow(() -> Refusal.notFound("No warehouse named '" + name + "'."));
    }
}
