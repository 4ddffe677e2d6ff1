package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.admin.DemoSeed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo catalogue comes in categories the console and the tills show, ITEM-0001 stays as other tests know it, and a second seed writes nothing. */
class DemoSeedCategoriesTest {
    private final TillServer server = SharedServer.get();

    private String text(String sql, Object... args) {
        return server.services().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(String.class).one();
        });
    }

    @Test
    void demoItemsAreInCategoriesPublishedToTheTillsAndItem0001IsUnchanged() {
        List<String> names = server.services().catalogLists().categories().stream().map(c -> c.name()).toList();
        assertThat(names).containsAll(DemoSeed.CATEGORIES);
        for (String c : List.of("Stationery", "Drinks", "Snacks")) {
            assertThat(Long.parseLong(text("select count(*)::text from item where code like 'ITEM-%' and category = ?", c))).as(c).isPositive();
        }
        assertThat(text("select count(*)::text from item where code like 'ITEM-%' and code <> 'ITEM-0001' and category is null")).isEqualTo("0");
        for (String c : DemoSeed.CATEGORIES) {
            assertThat(text("select count(*)::text from change_state where entity = 'category' and key = ? and not deleted", c)).as(c + " in the pull feed").isEqualTo("1");
        }
        assertThat(text("""
                select i.name || '|' || coalesce(i.category, '-') || '|' || b.barcode || '|' || p.price_minor || '|' || t.rate_bp
                from item i join item_barcode b on b.item_code = i.code join item_price p on p.item_code = i.code
                join tax_category t on t.name = i.tax_category where i.code = 'ITEM-0001' and p.price_list = 'Standard Selling'
                """)).isEqualTo("Ballpoint Pen Blue|-|4006381333931|150|1500");
    }

    @Test
    void aSecondSeedWritesNothing() {
        String feed = "select count(*) || '/' || coalesce(max(seq), 0) from change_state where entity in ('category', 'item')";
        String categories = "select string_agg(name || ':' || version, ',' order by name) from category";
        String feedBefore = text(feed), categoriesBefore = text(categories);
        server.admin().seedDemo();
        assertThat(text(categories)).isEqualTo(categoriesBefore);
        assertThat(text(feed)).isEqualTo(feedBefore);
    }
}
