package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.items.ItemView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue pages' text without a server: category tree order, history lines, stock quantities, escaping. */
class CatalogConsoleTextTest {
    private static final Frame FRAME = new Frame(Frame.Tab.CATALOG, "Items", "manager@demo.shop", "Accounts Manager", false, "token");
    private static final String SCRIPT = "<script>alert(1)</script>";
    private final ObjectMapper json = new ObjectMapper();

    private static CatalogLists.Category cat(String name, String parent, int position) {
        return new CatalogLists.Category(name, parent, position, true, 1);
    }

    @Test
    void categoriesComeInTreeOrderWithDepthAndPathAndEachOnceEvenInALoop() {
        List<CatalogLists.Category> all = List.of(cat("Food", null, 0), cat("Tea", "Drinks", 0), cat("Drinks", null, 1),
                cat("Green", "Tea", 0), cat("Bread", "Food", 0), cat("A", "B", 0), cat("B", "A", 0));
        CategoryTree t = CategoryTree.of(all);
        assertThat(t.nodes()).extracting(CategoryTree.Node::name).containsExactly("Food", "Bread", "Drinks", "Tea", "Green", "A", "B");
        assertThat(t.nodes()).extracting(CategoryTree.Node::depth).containsExactly(0, 1, 0, 1, 2, 0, 1);
        assertThat(t.nodes().get(4).indentedName()).isEqualTo("Drinks › Tea › Green");
        assertThat(t.parentChoices("Drinks")).extracting(CategoryTree.Node::name).containsExactly("Food", "Bread", "A", "B");
    }

    @Test
    void historyLinesSayWhatChangedOldToNewAndLeaveVersionAndStockOut() throws Exception {
        var before = json.readTree("""
                {"name":"Tea","category":null,"unit":"unit","taxCategory":"Tax 15%","active":true,"version":2,"barcodes":["111"],
                 "prices":[{"priceList":"Standard Selling","price":"3.50","priceMinor":350}],"stock":[{"warehouse":"W","qty":"1","qtyMilli":1000}]}""");
        var after = json.readTree("""
                {"name":"Green Tea","category":"Drinks","unit":"unit","taxCategory":"Tax 15%","active":false,"version":3,"barcodes":["111","222"],
                 "prices":[{"priceList":"Standard Selling","price":"3.75","priceMinor":375}],"stock":[{"warehouse":"W","qty":"5","qtyMilli":5000}]}""");
        ItemHistoryRow row = ItemHistoryRow.of(new AuditLog.Entry(1, Instant.parse("2026-01-02T10:00:00Z"), "m@shop", "item", "TEA", "update", before, after),
                ZoneId.of("Asia/Riyadh"));
        assertThat(row.when()).isEqualTo("2026-01-02 13:00 Asia/Riyadh");
        assertThat(row.action()).isEqualTo("Changed");
        assertThat(row.changes()).containsExactly("Name: Tea → Green Tea", "Category: — → Drinks", "Active: yes → no", "Barcodes: 111 → 111, 222",
                "Prices: Standard Selling 3.50 → Standard Selling 3.75");
        ItemHistoryRow created = ItemHistoryRow.of(new AuditLog.Entry(1, Instant.EPOCH, "m@shop", "item", "TEA", "create", null, before), ZoneId.of("UTC"));
        assertThat(created.changes()).contains("Name: Tea", "Prices: Standard Selling 3.50").noneMatch(c -> c.startsWith("Category"));
    }

    @Test
    void stockIsInTheItemsUnitWithThreeDecimalsWhenMeasured() {
        ItemView kg = item("unit-kg", "kg");
        ItemView unit = item("unit-u", "unit");
        assertThat(ItemFormModel.qty(kg, new ItemView.Stock("W", "1.25", 1250))).isEqualTo("1.250 kg");
        assertThat(ItemFormModel.qty(kg, new ItemView.Stock("W", "-0.005", -5))).isEqualTo("-0.005 kg");
        assertThat(ItemFormModel.qty(unit, new ItemView.Stock("W", "24", 24_000))).isEqualTo("24");
    }

    @Test
    void hostileNamesAreTextOnTheItemsPageAndTheForm() {
        ItemView bad = new ItemView("X-1", SCRIPT, SCRIPT, "unit", SCRIPT, true, 1, List.of(SCRIPT), List.of(), List.of());
        String rows = new Views().render("itemRows", new ItemListModel(FRAME, null, SCRIPT, SCRIPT, CategoryTree.of(List.of()), List.of(bad), 0, 50,
                false, "Standard Selling", "Standard Selling, USD", Map.of(), true));
        assertThat(rows).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        String form = new Views().render("itemForm", new ItemFormModel(FRAME, null, SCRIPT, ItemDraft.of(bad), bad, 2,
                CategoryTree.of(List.of(cat(SCRIPT, null, 0))), List.of(), List.of(), List.of(), true));
        assertThat(form).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    }

    private static ItemView item(String code, String unit) {
        return new ItemView(code, "n", null, unit, "Tax", true, 1, List.of(), List.of(), List.of());
    }
}
