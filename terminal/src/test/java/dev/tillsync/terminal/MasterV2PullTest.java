package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.CategoryData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till reads master-v2 records (and fields newer than itself), stores what it needs, and sells weighed and tax-inclusive items. */
class MasterV2PullTest {
    @TempDir
    Path dir;

    void apply(String cursor, Instant at, Change... changes) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> new PullApplier().apply(h, new PullPage(cursor, false, 0, List.of(changes), null), at, at));
        }
    }

    static ItemData item(String code, long price, String unit, boolean inclusive) {
        return new ItemData(code, "Item " + code, List.of(), price, 1500, true, unit, "Fruit", "VAT 15%", "Standard Selling", inclusive);
    }

    static SaleRequest sale(String code, long cash) {
        return new SaleRequest(List.of(new SaleItem(code, 1)), null, List.of(new Payment("Cash", cash, null)));
    }

    @Test
    void aPullRecordWithFieldsANewerServerAddedIsAppliedWithTheFieldsTheTillKnows() {
        LocalDevice.prepare(dir);
        ObjectNode future = Json.mapper().valueToTree(item("NEW-1", 250, "unit", false));
        future.put("shelfLife", "5 days");
        future.putObject("nutrition").put("kcal", 89);
        ObjectNode stock = Json.mapper().valueToTree(StockLevel.ofMilli("NEW-1", "Main", 7_500));
        stock.put("bin", "A-3");
        apply("c2", Instant.now(), new Change(Entities.ITEM, "NEW-1", false, future), new Change(Entities.STOCK, "NEW-1", false, stock),
                LocalDevice.change(Entities.CATEGORY, "Fruit", new CategoryData("Fruit", "Food", 3, true)));
        try (PosTerminal pos = PosTerminal.open(dir)) {
            assertThat(pos.findItem("NEW-1").orElseThrow().priceMinor()).isEqualTo(250);
            assertThat(pos.findItem("NEW-1").orElseThrow().localStock()).isEqualTo(7);
        }
        try (TerminalStore s = TerminalStore.open(dir)) {
            assertThat((String) s.read(h -> h.createQuery("select unit || '/' || category || '/' || tax_category || '/' || prices_include_tax from item where code = 'NEW-1'")
                    .mapTo(String.class).one())).isEqualTo("unit/Fruit/VAT 15%/0");
            assertThat((String) s.read(h -> h.createQuery("select parent || '/' || position from category where name = 'Fruit'").mapTo(String.class).one()))
                    .isEqualTo("Food/3");
            assertThat((Long) s.read(h -> h.createQuery("select qty_milli from server_stock where item_code = 'NEW-1'").mapTo(Long.class).one()))
                    .isEqualTo(7_500L);
        }
    }

    @Test
    void anItemSoldByTheKgAndOneOfATaxInclusiveListSellNowInTheirOwnTerms() {
        LocalDevice.prepare(dir);
        apply("c2", Instant.now(), LocalDevice.change(Entities.ITEM, "FRUIT-BANANA", item("FRUIT-BANANA", 199, "kg", false)),
                LocalDevice.change(Entities.ITEM, "INCL-1", item("INCL-1", 115, "unit", true)));
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("amira@demo.shop", "1234");
            pos.openShift(0, null);
            var banana = pos.recordSale(new SaleRequest(List.of(new SaleItem("FRUIT-BANANA", 1_500L, null)), null,
                    List.of(new Payment("Cash", 500, null)))).invoice();
            assertThat(banana.lines().get(0).qtyMilli()).isEqualTo(1_500L);
            assertThat(banana.lines().get(0).unit()).isEqualTo("kg");
            assertThat(banana.lines().get(0).grossMinor()).isEqualTo(298L); // 1.5 × 1.99 = 2.985, half-even to 2.98
            var incl = pos.recordSale(sale("INCL-1", 500)).invoice();
            assertThat(incl.pricesIncludeTax()).isTrue();
            assertThat(incl.grandTotalMinor()).isEqualTo(115);
            assertThat(incl.taxTotalMinor()).isEqualTo(15);
            // a fraction of a whole-unit item is still refused, with the reason
            assertThatThrownBy(() -> pos.recordSale(new SaleRequest(List.of(new SaleItem("ITEM-0001", 1_500L, null)), null,
                    List.of(new Payment("Cash", 500, null))))).isInstanceOf(TerminalException.class)
                    .hasMessageContaining("ITEM-0001 is sold by the unit; a quantity of 1.5 is not a whole number");
            assertThat(pos.findItem("FRUIT-BANANA").orElseThrow().cannotSellReason()).isEmpty();
            assertThat(pos.findItem("FRUIT-BANANA").orElseThrow().measured()).isTrue();
        }
    }

    @Test
    void statusShowsWhenThePricesWereLastPulledInTextAndJson() throws Exception {
        LocalDevice.prepare(dir);
        Instant at = Instant.now().minusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        apply("c2", at); // a pull that found nothing new still dates the prices
        Cli.Run text = Cli.run(dir, "status", "--no-probe");
        assertThat(text.out()).containsPattern("Prices: +Prices as of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(pulled 1[2-9] s ago\\)");
        JsonNode json = Json.mapper().readTree(Cli.run(dir, "status", "--no-probe", "--json").out());
        assertThat(Instant.parse(json.get("pricesAsOf").asText())).isEqualTo(at);
    }
}
