package dev.tillsync.server.master.paymentmodes;

import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.catalog.ProfileRecord;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Payment modes. Invariant: a change is one transaction that audits it and republishes every profile that offers the
 * mode (with a new version, so the devices on it get a new profile key), so a till never sells with a stale mode.
 */
public final class PaymentModeService {
    public record Mode(String name, String type, boolean opensDrawer, boolean requiresReference, boolean active, int version) {}

    public record Spec(String name, String type, Boolean opensDrawer, Boolean requiresReference, Boolean active, Integer version) {}

    private static final String SELECT = "select name, type, opens_drawer, requires_reference, active, version from payment_mode";

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;
    private final DeviceRegistry devices;
    private final AuditLog audit;

    public PaymentModeService(Jdbi jdbi, Catalog catalog, ChangeFeed feed, DeviceRegistry devices, AuditLog audit) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
        this.devices = devices;
        this.audit = audit;
    }

    public Page<Mode> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        return jdbi.withHandle(h -> new Page<>(h.createQuery(SELECT + " where lower(name) like :q order by name offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).map(ConstructorMapper.of(Mode.class)).list(), o, n,
                h.createQuery("select count(*) from payment_mode where lower(name) like :q").bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    public Mode get(String name) {
        return jdbi.withHandle(h -> require(h, name));
    }

    public Mode create(String actor, Spec s) {
        String name = ItemRules.name("payment mode", s.name());
        String type = type(s.type());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            if (find(h, name).isPresent()) throw Refusal.conflict("payment_mode_exists", "Payment mode '" + name + "' already exists.");
            h.createUpdate("insert into payment_mode (name, type, opens_drawer, requires_reference) values (:n, :t, :d, :r)")
                    .bind("n", name).bind("t", type).bind("d", s.opensDrawer() != null ? s.opensDrawer() : type.equals(PaymentModeData.CASH))
                    .bind("r", Boolean.TRUE.equals(s.requiresReference())).execute();
            Mode m = require(h, name);
            audit.record(h, actor, "payment_mode", name, "create", null, m);
            return m;
        });
    }

    public Mode update(String actor, String name, Spec s) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            Mode cur = require(h, name);
            Versions.check("payment mode", name, s.version(), cur.version());
            if (s.name() != null && !s.name().strip().equals(name)) {
                throw Refusal.invalid("name_immutable", "A payment mode keeps its name (tills and invoices carry it); create a new one and disable this one.");
            }
            h.createUpdate("""
                    update payment_mode set type = :t, opens_drawer = :d, requires_reference = :r, active = :a, version = version + 1
                    where name = :n
                    """)
                    .bind("t", s.type() == null ? cur.type() : type(s.type()))
                    .bind("d", s.opensDrawer() == null ? cur.opensDrawer() : s.opensDrawer())
                    .bind("r", s.requiresReference() == null ? cur.requiresReference() : s.requiresReference())
                    .bind("a", s.active() == null ? cur.active() : s.active()).bind("n", name).execute();
            Mode m = require(h, name);
            audit.record(h, actor, "payment_mode", name, m.active() == cur.active() ? "update" : (m.active() ? "enable" : "disable"), cur, m);
            republishProfiles(h, name);
            return m;
        });
    }

    /** Every profile offering the mode gets a new version (so a new key), its record and its devices republished. */
    private void republishProfiles(Handle h, String mode) {
        for (long id : h.createQuery("select profile_id from pos_profile_payment_mode where payment_mode = :m").bind("m", mode).mapTo(Long.class).list()) {
            h.createUpdate("update pos_profile set version = version + 1 where id = :id").bind("id", id).execute();
            ProfileRecord p = catalog.profileById(h, id);
            feed.put(h, Entities.PROFILE, p.name(), p.name(), p.toData());
            devices.profileChanged(h, id, p.profileKey());
        }
    }

    private static String type(String t) {
        String v = t == null ? "" : t.strip().toLowerCase();
        if (!List.of("cash", "card", "other").contains(v)) throw Refusal.invalid("invalid_type", "Payment mode type '" + t + "' is not cash, card or other.");
        return v;
    }

    private Optional<Mode> find(Handle h, String name) {
        return h.createQuery(SELECT + " where name = :n").bind("n", name).map(ConstructorMapper.of(Mode.class)).findOne();
    }

    private Mode require(Handle h, String name) {
        return find(h, name).orElseThrow(() -> Refusal.notFound("No payment mode named '" + name + "'."));
    }
}
