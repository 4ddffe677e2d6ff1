package dev.tillsync.server.master.items;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.catalog.ItemFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, updates and disables items. Invariant: each write is one transaction that validates with ItemRules,
 * checks the version read, bumps it, records the audit entry and publishes the item to the pull feed, or does nothing.
 */
public final class ItemEditor {
    private final Jdbi jdbi;
    private final ItemDirectory directory;
    private final AuditLog audit;
    private final ItemFeed itemFeed;

    public ItemEditor(Jdbi jdbi, ItemDirectory directory, AuditLog audit, ItemFeed itemFeed) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.audit = audit;
        this.itemFeed = itemFeed;
    }

    public ItemView create(String actor, ItemView.Spec spec) {
        String code = ItemRules.code(spec.code());
        return jdbi.inTransaction(h -> {
            if (directory.read(h, code).isPresent()) throw Refusal.conflict("duplicate_code", "Item " + code + " already exists; edit it instead.");
            Checked c = check(h, code, spec);
            h.createUpdate("""
                    insert into item (code, name, category, unit, tax_category, active, version, updated_at)
                    values (:code, :name, :cat, :unit, :tax, :active, 1, now())
                    """).bind("code", code).bind("name", c.name).bind("cat", c.category).bind("unit", c.unit.code())
                    .bind("tax", c.taxCategory).bind("active", spec.active() == null || spec.active()).execute();
            writeChildren(h, code, c);
            return finish(h, actor, code, "create", null);
        });
    }

    /** {@code ifMatch}: the If-Match header's version, used when the body has none. */
    public ItemView update(String actor, String code, ItemView.Spec spec, Integer ifMatch) {
        return jdbi.inTransaction(h -> {
            ItemView before = lockedRead(h, code);
            Versions.check("item", code, spec.version() != null ? spec.version() : ifMatch, before.version());
            ItemView.Spec merged = new ItemView.Spec(code, spec.name() != null ? spec.name() : before.name(),
                    spec.category() != null ? spec.category() : before.category(), spec.unit() != null ? spec.unit() : before.unit(),
                    spec.taxCategory() != null ? spec.taxCategory() : before.taxCategory(), spec.active(), spec.version(),
                    spec.barcodes() != null ? spec.barcodes() : before.barcodes(),
                    spec.prices() != null ? spec.prices()
                            : before.prices().stream().map(p -> new ItemView.PriceSpec(p.priceList(), p.price())).toList());
            Checked c = check(h, code, merged);
            h.createUpdate("""
                    update item set name = :name, category = :cat, unit = :unit, tax_category = :tax, active = :active,
                        version = version + 1, updated_at = now() where code = :code
                    """).bind("code", code).bind("name", c.name).bind("cat", c.category).bind("unit", c.unit.code())
                    .bind("tax", c.taxCategory).bind("active", spec.active() != null ? spec.active() : before.active()).execute();
            h.createUpdate("delete from item_barcode where item_code = :c").bind("c", code).execute();
            h.createUpdate("delete from item_price where item_code = :c").bind("c", code).execute();
            writeChildren(h, code, c);
            return finish(h, actor, code, "update", before);
        });
    }

    /** Disables the item (never deletes it: invoices refer to it); a till stops selling it at its next pull. */
    public ItemView disable(String actor, String code, Integer version) {
        return jdbi.inTransaction(h -> {
            ItemView before = lockedRead(h, code);
            if (version != null) Versions.check("item", code, version, before.version());
            h.createUpdate("update item set active = false, version = version + 1, updated_at = now() where code = :c").bind("c", code).execute();
            return finish(h, actor, code, "disable", before);
        });
    }

    public List<dev.tillsync.server.master.AuditLog.Entry> history(String code) {
        directory.get(code);
        return jdbi.withHandle(h -> audit.history(h, "item", code, 100));
    }

    private ItemView lockedRead(Handle h, String code) {
        h.createQuery("select code from item where code = :c for update").bind("c", code).mapTo(String.class).findOne()
                .orElseThrow(() -> Refusal.notFound("Item '" + code + "' does not exist."));
        return directory.read(h, code).orElseThrow();
    }

    private ItemView finish(Handle h, String actor, String code, String action, ItemView before) {
        ItemView after = directory.read(h, code).orElseThrow();
        audit.record(h, actor, "item", code, action, before, after);
        itemFeed.publish(h, List.of(code));
        return after;
    }

    private record Checked(String name, String category, Unit unit, String taxCategory, List<String> barcodes,
                           List<String> priceLists, List<Long> pricesMinor) {}

    private Checked check(Handle h, String code, ItemView.Spec s) {
        String name = ItemRules.name("item", s.name());
        Unit unit = ItemRules.unit(s.unit());
        String category = s.category() == null || s.category().isBlank() ? null : s.category().strip();
        if (category != null && !exists(h, "category", category)) {
            throw Refusal.unprocessable("unknown_category", "Category '" + category + "' does not exist; create it first or pick another.");
        }
        String tax = s.taxCategory() == null || s.taxCategory().isBlank() ? null : s.taxCategory().strip();
        if (tax == null) throw Refusal.invalid("invalid_tax_category", "The tax category is empty.");
        if (!exists(h, "tax_category", tax)) {
            throw Refusal.unprocessable("unknown_tax_category", "Tax category '" + tax + "' does not exist; create it first or pick another.");
        }
        LinkedHashSet<String> barcodes = new LinkedHashSet<>();
        for (String b : s.barcodes() == null ? List.<String>of() : s.barcodes()) {
            if (b == null || b.isBlank()) continue;
            String bc = ItemRules.barcode(b);
            Optional<String> other = h.createQuery("""
                            select i.code || ' (' || i.name || ')' from item_barcode b join item i on i.code = b.item_code
                            where b.barcode = :b and b.item_code <> :c
                            """).bind("b", bc).bind("c", code).mapTo(String.class).findOne();
            if (other.isPresent()) throw Refusal.conflict("duplicate_barcode", "Barcode " + bc + " is already on item " + other.get() + ".");
            barcodes.add(bc);
        }
        List<String> lists = new ArrayList<>();
        List<Long> minors = new ArrayList<>();
        for (ItemView.PriceSpec p : s.prices() == null ? List.<ItemView.PriceSpec>of() : s.prices()) {
            if (p.price() == null || p.price().isBlank()) continue;
            String list = p.priceList() == null ? "" : p.priceList().strip();
            var cur = h.createQuery("select currency, currency_digits from price_list where name = :n").bind("n", list)
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2)}).findOne()
                    .orElseThrow(() -> Refusal.unprocessable("unknown_price_list", "Price list '" + list + "' does not exist."));
            if (lists.contains(list)) throw Refusal.invalid("duplicate_price", "Price list '" + list + "' is given twice.");
            lists.add(list);
            minors.add(ItemRules.price(p.price(), (Integer) cur[1], (String) cur[0]));
        }
        return new Checked(name, category, unit, tax, List.copyOf(barcodes), lists, minors);
    }

    private static boolean exists(Handle h, String table, String name) {
        return h.createQuery("select count(*) from " + table + " where name = :n").bind("n", name).mapTo(Integer.class).one() > 0;
    }

    private static void writeChildren(Handle h, String code, Checked c) {
        for (String b : c.barcodes) {
            h.createUpdate("insert into item_barcode (barcode, item_code) values (:b, :c)").bind("b", b).bind("c", code).execute();
        }
        for (int i = 0; i < c.priceLists.size(); i++) {
            h.createUpdate("insert into item_price (price_list, item_code, price_minor) values (:l, :c, :p)")
                    .bind("l", c.priceLists.get(i)).bind("c", code).bind("p", c.pricesMinor.get(i)).execute();
        }
    }
}
