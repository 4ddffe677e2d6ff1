package dev.tillsync.server.master.items;

import dev.tillsync.core.master.CategoryData;
import dev.tillsync.server.catalog.ItemFeed;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.Versions;
import dev.tillsync.server.refusal.Refusal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Categories, tax categories and price lists. Invariant: each write is one transaction with its audit entry and the
 * republication of what tills read from it (the category record; the items of a changed tax rate or price list).
 */
public final class CatalogLists {
    public record Category(String name, String parent, Integer position, Boolean active, Integer version) {}

    public record Tax(String name, String ratePercent, Integer version) {}

    public record PriceList(String name, String currency, Integer digits, Boolean pricesIncludeTax, Integer version) {}

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final ItemFeed items;

    public CatalogLists(Jdbi jdbi, AuditLog audit, ChangeFeed feed, ItemFeed items) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.feed = feed;
        this.items = items;
    }

    public List<Category> categories() {
        return jdbi.withHandle(this::categories);
    }

    private List<Category> categories(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select name, parent, position, active, version from category order by position, name")
                .map((rs, c) -> new Category(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5))).list();
    }

    public List<Tax> taxes() {
        return jdbi.withHandle(this::taxes);
    }

    private List<Tax> taxes(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select name, rate_bp, version from tax_category order by name")
                .map((rs, c) -> new Tax(rs.getString(1), java.math.BigDecimal.valueOf(rs.getInt(2), 2).toPlainString(), rs.getInt(3))).list();
    }

    public List<PriceList> priceLists() {
        return jdbi.withHandle(this::priceLists);
    }

    private List<PriceList> priceLists(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select name, currency, currency_digits, prices_include_tax, version from price_list order by name")
                .map((rs, c) -> new PriceList(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5))).list();
    }

    /** Creates ({@code existing} null) or updates a category and publishes it (pull entity category, key = name). */
    /** One category by name; 404 naming it when there is none. */
    public Category category(String name) {
        return categories().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no category '" + name + "'."));
    }

    /** One tax category by name; 404 naming it when there is none. */
    public Tax tax(String name) {
        return taxes().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no tax category '" + name + "'."));
    }

    /** One price list by name; 404 naming it when there is none. */
    public PriceList priceList(String name) {
        return priceLists().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no price list '" + name + "'."));
    }

    public Category saveCategory(String actor, String existing, Category c) {
        return jdbi.inTransaction(h -> {
            String name = existing != null ? existing : ItemRules.name("category", c.name());
            Category before = categories(h).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (existing == null && before != null) throw Refusal.conflict("duplicate_category", "Category '" + name + "' already exists.");
            if (existing != null && before == null) throw Refusal.notFound("Category '" + name + "' does not exist.");
            if (before != null) Versions.check("category", name, c.version(), before.version());
            String parent = c.parent() != null ? (c.parent().isBlank() ? null : c.parent().strip()) : before == null ? null : before.parent();
            if (parent != null && categories(h).stream().noneMatch(x -> x.name().equals(parent))) {
                throw Refusal.unprocessable("unknown_category", "Parent category '" + parent + "' does not exist.");
            }
            // A category under itself or under one of its own subcategories would make a loop the tills cannot show.
            List<Category> all = categories(h);
            String up = parent;
            for (int steps = 0; up != null && steps <= all.size(); steps++) {
                if (up.equals(name)) {
                    throw Refusal.unprocessable("category_loop", "Category '" + name + "' cannot go under '" + parent
                            + "': that is " + (parent.equals(name) ? "itself" : "one of its own subcategories") + ". Pick another parent.");
                }
                String at = up;
                up = all.stream().filter(x -> x.name().equals(at)).findFirst().map(Category::parent).orElse(null);
            }
            int position = c.position() != null ? c.position() : before == null ? 0 : before.position();
            boolean active = c.active() != null ? c.active() : before == null || before.active();
            h.createUpdate("""
                    insert into category (name, parent, position, active) values (:n, :p, :pos, :a)
                    on conflict (name) do update set parent = :p, position = :pos, active = :a, version = category.version + 1
                    """).bind("n", name).bind("p", parent).bind("pos", position).bind("a", active).execute();
            Category after = h.createQuery("select name, parent, position, active, version from category where name = :n").bind("n", name)
                    .map((rs, x) -> new Category(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5))).one();
            audit.record(h, actor, "category", name, before == null ? "create" : "update", before, after);
            feed.put(h, "category", "", name, new CategoryData(name, parent, position, active));
            return after;
        });
    }

    /** Creates or updates a tax category; a rate change republishes its items. */
    public Tax saveTax(String actor, String existing, Tax t) {
        return jdbi.inTransaction(h -> {
            String name = existing != null ? existing : ItemRules.name("tax category", t.name());
            Tax before = taxes(h).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (existing == null && before != null) throw Refusal.conflict("duplicate_tax_category", "Tax category '" + name + "' already exists.");
            if (existing != null && before == null) throw Refusal.notFound("Tax category '" + name + "' does not exist.");
            if (before != null) Versions.check("tax category", name, t.version(), before.version());
            int bp = (int) ItemRules.price(t.ratePercent(), 2, "a tax rate");
            if (bp > 10000) throw Refusal.invalid("invalid_rate", "Tax rate " + t.ratePercent() + "% is above 100%.");
            h.createUpdate("""
                    insert into tax_category (name, rate_bp) values (:n, :r)
                    on conflict (name) do update set rate_bp = :r, version = tax_category.version + 1
                    """).bind("n", name).bind("r", bp).execute();
            Tax after = taxes(h).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            audit.record(h, actor, "tax_category", name, before == null ? "create" : "update", before, after);
            items.publishTaxCategory(h, name);
            return after;
        });
    }

    /** Creates or updates a price list; a change republishes the items it prices. */
    public PriceList savePriceList(String actor, String existing, PriceList p) {
        return jdbi.inTransaction(h -> {
            String name = existing != null ? existing : ItemRules.name("price list", p.name());
            PriceList before = priceLists(h).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (existing == null && before != null) throw Refusal.conflict("duplicate_price_list", "Price list '" + name + "' already exists.");
            if (existing != null && before == null) throw Refusal.notFound("Price list '" + name + "' does not exist.");
            if (before != null) Versions.check("price list", name, p.version(), before.version());
            String currency = p.currency() != null ? p.currency().strip().toUpperCase() : before == null ? "USD" : before.currency();
            if (!currency.matches("[A-Z]{3}")) throw Refusal.invalid("invalid_currency", "Currency '" + currency + "' is not a 3-letter code like EUR.");
            int digits = p.digits() != null ? p.digits() : before == null ? 2 : before.digits();
            if (digits < 0 || digits > 3) throw Refusal.invalid("invalid_digits", "Currency decimals must be 0 to 3.");
            if (before != null && digits != before.digits()) {
                throw Refusal.conflict("digits_in_use", "Price list '" + name + "' already has prices with " + before.digits()
                        + " decimals; create a new list for another currency.");
            }
            boolean incl = p.pricesIncludeTax() != null ? p.pricesIncludeTax() : before != null && before.pricesIncludeTax();
            h.createUpdate("""
                    insert into price_list (name, currency, currency_digits, prices_include_tax) values (:n, :c, :d, :i)
                    on conflict (name) do update set currency = :c, currency_digits = :d, prices_include_tax = :i, version = price_list.version + 1
                    """).bind("n", name).bind("c", currency).bind("d", digits).bind("i", incl).execute();
            PriceList after = priceLists(h).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            audit.record(h, actor, "price_list", name, before == null ? "create" : "update", before, after);
            items.publishList(h, name);
            return after;
        });
    }
}
