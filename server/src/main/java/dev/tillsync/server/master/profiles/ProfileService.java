package dev.tillsync.server.master.profiles;

import dev.tillsync.core.master.ScaleLayout;
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
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * POS profiles: every setting a till needs. Invariant: a change is one transaction that bumps the version (so the
 * profile key a till signs its pushes with moves), audits it, republishes the profile record, and hands the new key
 * to every device on it (DeviceRegistry.profileChanged), so a push under the old key is flagged for review.
 */
public final class ProfileService {
    /**
     * What a manager sets. {@code cashRounding} is a major-unit amount ("0.05") stored in minor units of the price
     * list's currency; {@code maxDiscountPercent} ("12.5") is stored in basis points. {@code receiptLogo} is base64 of
     * a PNG or JPEG ("" removes it). On update a null keeps the value.
     */
    public record Spec(String name, String warehouse, String priceList, List<String> paymentModes, String taxTemplate,
                       String receiptHeader, String receiptFooter, String sellerName, String sellerTaxNumber,
                       String cashRounding, String maxDiscountPercent, Integer pullIntervalSeconds, ScaleLayout scaleLayout,
                       Boolean noScaleLayout, Boolean active, Integer version, String receiptLogo) {
        /** Without a logo change. */
        public Spec(String name, String warehouse, String priceList, List<String> paymentModes, String taxTemplate,
                    String receiptHeader, String receiptFooter, String sellerName, String sellerTaxNumber,
                    String cashRounding, String maxDiscountPercent, Integer pullIntervalSeconds, ScaleLayout scaleLayout,
                    Boolean noScaleLayout, Boolean active, Integer version) {
            this(name, warehouse, priceList, paymentModes, taxTemplate, receiptHeader, receiptFooter, sellerName, sellerTaxNumber,
                    cashRounding, maxDiscountPercent, pullIntervalSeconds, scaleLayout, noScaleLayout, active, version, null);
        }
    }

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final ChangeFeed feed;
    private final DeviceRegistry devices;
    private final AuditLog audit;

    public ProfileService(Jdbi jdbi, Catalog catalog, ChangeFeed feed, DeviceRegistry devices, AuditLog audit) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.feed = feed;
        this.devices = devices;
        this.audit = audit;
    }

    public Page<ProfileRecord> list(String q, Integer offset, Integer limit) {
        int o = Page.offset(offset), n = Page.limit(limit);
        return jdbi.withHandle(h -> new Page<>(h.createQuery("select id from pos_profile where lower(name) like :q order by name offset :o limit :n")
                .bind("q", Page.like(q)).bind("o", o).bind("n", n).mapTo(Long.class).list().stream().map(id -> catalog.profileById(h, id)).toList(),
                o, n, h.createQuery("select count(*) from pos_profile where lower(name) like :q").bind("q", Page.like(q)).mapTo(Long.class).one()));
    }

    public ProfileRecord get(String name) {
        return jdbi.withHandle(h -> require(h, name));
    }

    /** The devices on the profile (for its page). */
    public List<String> devices(String name) {
        return jdbi.withHandle(h -> devices.devicesOnProfile(h, require(h, name).id()));
    }

    public ProfileRecord create(String actor, Spec s) {
        String name = ItemRules.name("POS profile", s.name());
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            if (catalog.profileByName(h, name).isPresent()) throw Refusal.conflict("profile_exists", "POS profile '" + name + "' already exists.");
            if (s.warehouse() == null || s.priceList() == null) throw Refusal.invalid("invalid_request", "A POS profile needs a warehouse and a price list.");
            long id = h.createUpdate("insert into pos_profile (name, warehouse, price_list) values (:n, :w, :l)")
                    .bind("n", name).bind("w", warehouse(h, s.warehouse())).bind("l", priceList(h, s.priceList()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            write(h, id, s, catalog.profileById(h, id));
            if (s.paymentModes() == null) modes(h, id, List.of());
            ProfileRecord r = catalog.profileById(h, id);
            audit.record(h, actor, "pos_profile", name, "create", null, r.toData());
            feed.put(h, Entities.PROFILE, r.name(), r.name(), r.toData());
            return r;
        });
    }

    public ProfileRecord update(String actor, String name, Spec s) {
        return jdbi.inTransaction(h -> {
            feed.lock(h);
            ProfileRecord cur = require(h, name);
            Versions.check("POS profile", name, s.version(), cur.version());
            if (s.name() != null && !s.name().strip().equals(name)) {
                throw Refusal.invalid("name_immutable", "A POS profile keeps its name (tills carry it); create a new one and move the tills.");
            }
            if (Boolean.FALSE.equals(s.active()) && cur.active()) {
                List<String> on = devices.devicesOnProfile(h, cur.id());
                if (!on.isEmpty()) {
                    throw Refusal.conflict("profile_in_use", "POS profile '" + name + "' is used by " + String.join(", ", on)
                            + "; move those tills to another profile first.");
                }
            }
            if (s.warehouse() != null || s.priceList() != null) {
                h.createUpdate("update pos_profile set warehouse = :w, price_list = :l where id = :id")
                        .bind("w", s.warehouse() == null ? cur.warehouse() : warehouse(h, s.warehouse()))
                        .bind("l", s.priceList() == null ? cur.priceList() : priceList(h, s.priceList())).bind("id", cur.id()).execute();
            }
            write(h, cur.id(), s, catalog.profileById(h, cur.id()));
            h.createUpdate("update pos_profile set version = version + 1 where id = :id").bind("id", cur.id()).execute();
            ProfileRecord r = catalog.profileById(h, cur.id());
            audit.record(h, actor, "pos_profile", name, r.active() == cur.active() ? "update" : (r.active() ? "enable" : "disable"), cur.toData(), r.toData());
            feed.put(h, Entities.PROFILE, r.name(), r.name(), r.toData());
            devices.profileChanged(h, r.id(), r.profileKey());
            return r;
        });
    }

    /** Writes the settings of {@code s} over {@code cur} (null = keep), validating each. */
    private void write(Handle h, long id, Spec s, ProfileRecord cur) {
        ScaleLayout scale = Boolean.TRUE.equals(s.noScaleLayout()) ? null : s.scaleLayout() == null ? cur.scaleLayout() : scale(s.scaleLayout());
        int pull = s.pullIntervalSeconds() == null ? cur.pullIntervalSeconds() : s.pullIntervalSeconds();
        if (pull < 5 || pull > 3600) throw Refusal.invalid("invalid_pull_interval", "The pull interval must be 5 to 3600 seconds (default 60).");
        long rounding = s.cashRounding() == null ? cur.cashRoundingMinor()
                : s.cashRounding().isBlank() ? 0 : ItemRules.price(s.cashRounding(), cur.currencyDigits(), cur.currency());
        int discount = s.maxDiscountPercent() == null ? cur.maxDiscountBp() : percentBp(s.maxDiscountPercent());
        h.createUpdate("""
                update pos_profile set tax_template = :tax, receipt_header = :rh, receipt_footer = :rf, seller_name = :sn,
                    seller_tax_number = :stn, cash_rounding_minor = :cr, max_discount_bp = :md, pull_interval_s = :pi,
                    scale_prefix = :sp, scale_item_digits = :sid, scale_value_digits = :svd, scale_value_decimals = :svdec,
                    scale_kind = :sk, active = :a where id = :id
                """)
                .bind("tax", s.taxTemplate() == null ? cur.taxTemplate() : text("tax template", s.taxTemplate(), 200))
                .bind("rh", s.receiptHeader() == null ? cur.receiptHeader() : text("receipt header", s.receiptHeader(), 2000))
                .bind("rf", s.receiptFooter() == null ? cur.receiptFooter() : text("receipt footer", s.receiptFooter(), 2000))
                .bind("sn", s.sellerName() == null ? cur.sellerName() : text("seller name", s.sellerName(), 200))
                .bind("stn", s.sellerTaxNumber() == null ? cur.sellerTaxNumber() : text("seller tax number", s.sellerTaxNumber(), 60))
                .bind("cr", rounding).bind("md", discount).bind("pi", pull)
                .bind("sp", scale == null ? null : scale.prefix()).bind("sid", scale == null ? null : scale.itemDigits())
                .bind("svd", scale == null ? null : scale.valueDigits()).bind("svdec", scale == null ? null : scale.valueDecimals())
                .bind("sk", scale == null ? null : scale.kind())
                .bind("a", s.active() == null ? cur.active() : s.active()).bind("id", id).execute();
        if (s.receiptLogo() != null) {
            h.createUpdate("update pos_profile set receipt_logo = :logo where id = :id")
                    .bind("logo", ReceiptLogoRule.check(s.receiptLogo())).bind("id", id).execute();
        }
        if (s.paymentModes() != null) modes(h, id, s.paymentModes());
    }

    private static void modes(Handle h, long id, List<String> modes) {
        if (modes.isEmpty()) throw Refusal.invalid("no_payment_modes", "A POS profile needs at least one payment mode.");
        if (new HashSet<>(modes).size() != modes.size()) throw Refusal.invalid("duplicate_payment_mode", "A payment mode is listed twice.");
        h.createUpdate("delete from pos_profile_payment_mode where profile_id = :p").bind("p", id).execute();
        int position = 0;
        for (String m : modes) {
            boolean ok = h.createQuery("select exists (select 1 from payment_mode where name = :n and active)").bind("n", m).mapTo(Boolean.class).one();
            if (!ok) throw Refusal.unprocessable("unknown_payment_mode", "No active payment mode named '" + m + "'.");
            h.createUpdate("insert into pos_profile_payment_mode (profile_id, payment_mode, position) values (:p, :m, :pos)")
                    .bind("p", id).bind("m", m).bind("pos", ++position).execute();
        }
    }

    static ScaleLayout scale(ScaleLayout s) {
        if (s.prefix() == null || !s.prefix().matches("2[0-9]")) throw Refusal.invalid("invalid_scale_layout", "The scale prefix is two digits from 20 to 29.");
        if (s.itemDigits() < 1 || s.valueDigits() < 1 || 2 + s.itemDigits() + s.valueDigits() != 12) {
            throw Refusal.invalid("invalid_scale_layout", "Prefix (2) + item digits + value digits must be 12 (the 13th is the check digit); you have "
                    + (2 + s.itemDigits() + s.valueDigits()) + ".");
        }
        if (s.valueDecimals() < 0 || s.valueDecimals() > 3 || s.valueDecimals() > s.valueDigits()) {
            throw Refusal.invalid("invalid_scale_layout", "The value decimals must be 0 to 3 and no more than the value digits.");
        }
        if (!ScaleLayout.WEIGHT.equals(s.kind()) && !ScaleLayout.PRICE.equals(s.kind())) {
            throw Refusal.invalid("invalid_scale_layout", "The scale label carries a weight or a price ('" + s.kind() + "' is neither).");
        }
        return s;
    }

    static int percentBp(String text) {
        String t = text.strip();
        if (t.isEmpty()) return 0;
        if (!t.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) throw Refusal.invalid("invalid_discount", "'" + t + "' is not a percentage like 10 or 12.5.");
        BigDecimal v = new BigDecimal(t);
        if (v.compareTo(BigDecimal.valueOf(100)) > 0) throw Refusal.invalid("invalid_discount", "A discount is at most 100%.");
        return v.movePointRight(2).intValueExact();
    }

    private static String text(String what, String s, int max) {
        if (s.isBlank()) return null;
        if (s.length() > max) throw Refusal.invalid("invalid_field", "The " + what + " has " + s.length() + " characters; at most " + max + ".");
        if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r')) throw Refusal.invalid("invalid_field", "The " + what + " has a control character.");
        return s.strip();
    }

    private static String warehouse(Handle h, String name) {
        boolean ok = h.createQuery("select exists (select 1 from warehouse where name = :n and active)").bind("n", name).mapTo(Boolean.class).one();
        if (!ok) throw Refusal.unprocessable("unknown_warehouse", "No active warehouse named '" + name + "'.");
        return name;
    }

    private static String priceList(Handle h, String name) {
        boolean ok = h.createQuery("select exists (select 1 from price_list where name = :n and active)").bind("n", name).mapTo(Boolean.class).one();
        if (!ok) throw Refusal.unprocessable("unknown_price_list", "No active price list named '" + name + "'.");
        return name;
    }

    private ProfileRecord require(Handle h, String name) {
        return catalog.profileByName(h, name).orElseThrow(() -> Refusal.notFound("No POS profile named '" + name + "'."));
    }

}
