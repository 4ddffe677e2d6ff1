package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.master.Gtin;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.SyncHeaders;
import dev.tillsync.server.admin.DemoSeed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What seed-demo gives a newcomer to try issue 17's selling: FRUIT-BANANA by the kg with the scale-label barcode of the
 * demo profile's layout, a price list including tax with a price for every demo item and a customer on it, the cashier
 * discount limit and the cash rounding; and no demo barcode in the scale-label range 20-29.
 */
class DemoSeedSalesTest {
    private final TillServer server = SharedServer.get();

    private Map<String, Object> row(String sql) {
        return server.services().jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
    }

    @Test
    void theDemoHasAWeighedBananaAScaleLayoutAnInclusiveListALimitAndARounding() {
        assertThat(row("""
                select i.name, i.unit, i.category, p.price_minor, b.barcode from item i join item_price p on p.item_code = i.code
                join item_barcode b on b.item_code = i.code where i.code = 'FRUIT-BANANA' and p.price_list = 'Standard Selling'
                """)).containsEntry("name", "Bananas").containsEntry("unit", "kg").containsEntry("category", "Fruit and veg")
                .containsEntry("price_minor", 249L).containsEntry("barcode", "2100042");
        assertThat(row("""
                select scale_prefix, scale_item_digits, scale_value_digits, scale_value_decimals, scale_kind, max_discount_bp,
                       cash_rounding_minor from pos_profile where name = 'Main Store'
                """)).containsEntry("scale_prefix", "21").containsEntry("scale_item_digits", 5).containsEntry("scale_value_digits", 5)
                .containsEntry("scale_value_decimals", 3).containsEntry("scale_kind", "weight").containsEntry("max_discount_bp", 1000)
                .containsEntry("cash_rounding_minor", 5L);
        String label = DemoSeed.bananaLabel(1250);
        assertThat(label).startsWith("210004201250").hasSize(13);
        assertThat(Gtin.valid(label)).isTrue();

        assertThat(row("select prices_include_tax, active from price_list where name = 'Retail incl. VAT'"))
                .containsEntry("prices_include_tax", true).containsEntry("active", true);
        assertThat(row("""
                select count(*) as missing from item_price p where p.price_list = 'Standard Selling'
                and not exists (select 1 from item_price q where q.price_list = 'Retail incl. VAT' and q.item_code = p.item_code)
                and p.item_code in (select code from item where code like 'ITEM-%' or code = 'FRUIT-BANANA')
                """)).containsEntry("missing", 0L);
        assertThat(row("select price_minor from item_price where price_list = 'Retail incl. VAT' and item_code = 'ITEM-0001'"))
                .containsEntry("price_minor", 172L); // 1.50 + 15% = 1.725, half-even to the cent
        assertThat(row("select name, price_list from customer where number = 'CUST-DEMO-0001'")).containsEntry("price_list", "Retail incl. VAT");
        assertThat(row("""
                select count(*) as n from item_barcode b join item i on i.code = b.item_code
                where i.code like 'ITEM-%' and substr(b.barcode, 1, 1) = '2' and length(b.barcode) = 13
                """)).containsEntry("n", 0L);
        assertThat(row("select barcode from item_barcode where item_code = 'ITEM-0002'")).containsEntry("barcode", "4010000000029");
        assertThat(Gtin.valid("4010000000029")).isTrue();
    }

    @Test
    void aSaleV2DemoTillIsSentTheInclusiveListAndTheDemoCustomerOnIt() {
        String posId = "POS-DEMO-T" + System.nanoTime() % 100000;
        server.admin().createDevice(posId, DemoSeed.PROFILE, 500, posId + "-", "C" + posId + "-", "demo till");
        Http http = new Http(server.baseUrl());
        LinkResponse lr = http.post("/terminal/link", new LinkRequest(server.admin().issueLinkCode(posId), "test")).as(LinkResponse.class);
        Http till = http.device(posId, lr.deviceSecret()).with(SyncHeaders.FEATURES, SyncHeaders.MASTER_V2 + "," + SyncHeaders.SALE_V2);
        List<JsonNode> changes = StoreInvoicePullTest.pull(till, "").changes();
        JsonNode inclusivePen = changes.stream().filter(c -> c.path("entity").asText().equals(Entities.ITEM)
                && c.path("key").asText().equals("ITEM-0001") && c.at("/data/priceList").asText().equals(DemoSeed.INCLUSIVE_LIST))
                .findFirst().orElseThrow().get("data");
        assertThat(inclusivePen.path("priceMinor").asLong()).isEqualTo(172);
        assertThat(inclusivePen.path("pricesIncludeTax").asBoolean()).isTrue();
        JsonNode customer = changes.stream().filter(c -> c.path("entity").asText().equals(Entities.CUSTOMER)
                && c.path("key").asText().equals(DemoSeed.INCLUSIVE_CUSTOMER)).findFirst().orElseThrow().get("data");
        assertThat(customer.path("priceList").asText()).isEqualTo(DemoSeed.INCLUSIVE_LIST);
        JsonNode profile = changes.stream().filter(c -> c.path("entity").asText().equals(Entities.PROFILE)).findFirst().orElseThrow().get("data");
        assertThat(profile.path("scaleLayout").path("prefix").asText()).as(profile.toString()).isEqualTo("21");
    }
}
