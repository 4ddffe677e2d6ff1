package dev.tillsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillsync.server.imports.csv.CatalogImport;
import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The catalogue import against the real schema: upsert on code, all or nothing, unchanged writes nothing. */
class CatalogImportTest {
    private final TillServer server = SharedServer.get();
    private final Jdbi jdbi = server.services().jdbi();
    private final CatalogImport imports = new CatalogImport(jdbi, server.services().catalog().itemFeed());
    private static final String H = "code,name,category,unit,barcodes,tax,price,price_list,active\n";

    private String tax() {
        return jdbi.withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void importTwiceThenUpdateThenRefuseAll() {
        String t = tax();
        String csv = H + "CSVT-1,Import tea,,unit,2000000000015|CSVT1,\"" + t + "\",1.50,,true\n"
                + "CSVT-2,\"Import, \"\"milk\"\"\",,unit,,\"" + t + "\",0.99,,true\n";
        CatalogImport.Result dry = imports.run(csv.getBytes(StandardCharsets.UTF_8), "test", true);
        assertEquals(2, dry.created());
        assertFalse(dry.applied());
        assertEquals(0, count("select count(*) from item where code like 'CSVT-%'"), "a dry run writes nothing");

        CatalogImport.Result first = imports.run(csv.getBytes(StandardCharsets.UTF_8), "test", false);
        assertEquals(2, first.created());
        assertTrue(first.applied());
        long audits = count("select count(*) from audit_log where key like 'CSVT-%'");
        long seq = count("select coalesce(max(seq), 0) from change_state");
        assertEquals(2, audits);

        CatalogImport.Result again = imports.run(csv.getBytes(StandardCharsets.UTF_8), "test", false);
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(2, again.unchanged());
        assertEquals(audits, count("select count(*) from audit_log where key like 'CSVT-%'"), "no audit for unchanged");
        assertEquals(seq, count("select coalesce(max(seq), 0) from change_state"), "no feed record for unchanged");

        CatalogImport.Result upd = imports.run(csv.replace("1.50", "1.75").getBytes(StandardCharsets.UTF_8), "test", false);
        assertEquals(1, upd.updated());
        assertEquals(175, count("select price_minor from item_price where item_code = 'CSVT-1' and price_list = 'Standard Selling'"));
        assertEquals(2, count("select version from item where code = 'CSVT-1'"));

        String bad = csv.replace("1.50", "2.00") + "CSVT-3,Other,,unit,2000000000015,\"" + t + "\",1,,true\n"
                + "CSVT-4,Taken,,unit,CSVT1,\"" + t + "\",1,,\n";
        CatalogImport.Result refused = imports.run(bad.getBytes(StandardCharsets.UTF_8), "test", false);
        assertFalse(refused.applied());
        assertEquals(2, refused.refused().size(), refused.refused().toString());
        assertTrue(refused.refused().get(0).message().contains("item CSVT-1 at line 2"), refused.refused().toString());
        assertEquals(175, count("select price_minor from item_price where item_code = 'CSVT-1' and price_list = 'Standard Selling'"), "one bad row applies nothing");
    }

    @Test
    void barcodeOnAnotherShopItemAndNewItemWithoutTaxAreRefused() {
        String taken = jdbi.withHandle(h -> h.createQuery("select barcode from item_barcode where item_code = 'ITEM-0001' limit 1").mapTo(String.class).one());
        String csv = "code,name,barcodes,price\nCSVX-1,New without tax,,1\n";
        CatalogImport.Result r = imports.run(csv.getBytes(StandardCharsets.UTF_8), "test", false);
        assertEquals(1, r.refused().size(), r.refused().toString());
        assertEquals("tax", r.refused().getFirst().column());
        String t = tax();
        CatalogImport.Result b = imports.run((H + "CSVX-2,Steals,,unit," + taken + ",\"" + t + "\",1,,\n").getBytes(StandardCharsets.UTF_8), "test", false);
        assertEquals(1, b.refused().size(), b.refused().toString());
        assertTrue(b.refused().getFirst().message().contains("already on item ITEM-0001"), b.refused().toString());
        assertEquals(0, count("select count(*) from item where code like 'CSVX-%'"));
    }
}
