package dev.tillsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillsync.server.imports.csv.CatalogImport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * One file that creates, updates and leaves items unchanged at once, moving barcodes between existing and new items
 * (the fast import's separate paths for new and existing items), with the audit and feed records each path writes.
 */
class CatalogImportMixTest {
    private final TillServer server = SharedServer.get();
    private final Jdbi jdbi = server.services().jdbi();
    private final CatalogImport imports = new CatalogImport(jdbi, server.services().catalog().itemFeed());
    private static final String H = "code,name,category,unit,barcodes,tax,price,price_list,active\n";

    private String tax() {
        return jdbi.withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
    }

    private String one(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private List<String> list(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private CatalogImport.Result run(String csv) {
        return imports.run(csv.getBytes(StandardCharsets.UTF_8), "mix", false);
    }

    @Test
    void createUpdateAndKeepInOneFileWhileBarcodesMove() {
        String t = "\"" + tax() + "\"";
        CatalogImport.Result first = run(H + "MIX-1,Mix one,,unit,MIXA|MIXB," + t + ",1.00,,true\n"
                + "MIX-2,Mix two,,unit,MIXC," + t + ",2.00,,true\n"
                + "MIX-3,Mix three,,kg,," + t + ",3.00,,true\n");
        assertEquals(3, first.created(), first.toString());

        long seqBefore = Long.parseLong(one("select max(seq)::text from change_state"));
        // MIX-1 gives MIXB to the new MIX-4 and MIXA to MIX-2 (which gives up MIXC); MIX-3 stays as it is.
        CatalogImport.Result r = run(H + "MIX-1,Mix one,,unit,," + t + ",1.10,,true\n"
                + "MIX-2,Mix two,,unit,MIXA," + t + ",2.00,,true\n"
                + "MIX-3,Mix three,,kg,," + t + ",3.00,,true\n"
                + "MIX-4,Mix four,,unit,MIXB|MIXC," + t + ",4.00,,true\n");
        assertTrue(r.applied(), r.refused().toString());
        assertEquals(List.of(1, 2, 1), List.of(r.created(), r.updated(), r.unchanged()), r.toString());
        assertEquals(List.of("MIXA:MIX-2", "MIXB:MIX-4", "MIXC:MIX-4"),
                list("select barcode || ':' || item_code from item_barcode where item_code like 'MIX-%' order by barcode"));
        assertEquals("110", one("select price_minor::text from item_price where item_code = 'MIX-1' and price_list = 'Standard Selling'"));
        assertEquals(List.of("MIX-1:2", "MIX-2:2", "MIX-3:1", "MIX-4:1"), list("select code || ':' || version from item where code like 'MIX-%' order by code"));

        // Audit: the updated item's old and new state, the new item's new state only; nothing for the unchanged one.
        assertEquals(List.of("MIX-1", "MIX-1", "MIX-2", "MIX-2", "MIX-3", "MIX-4"), list("select key from audit_log where key like 'MIX-%' order by key, id"));
        assertEquals("[\"MIXA\", \"MIXB\"]", one("select (old_data->'barcodes')::text from audit_log where key = 'MIX-1' order by id desc limit 1"));
        assertEquals("[]", one("select (new_data->'barcodes')::text from audit_log where key = 'MIX-1' order by id desc limit 1"));
        assertEquals("{\"Standard Selling\": 110}", one("select (new_data->'prices')::text from audit_log where key = 'MIX-1' order by id desc limit 1"));
        assertEquals("[\"MIXB\", \"MIXC\"]", one("select (new_data->'barcodes')::text from audit_log where key = 'MIX-4'"));
        assertEquals(null, one("select old_data::text from audit_log where key = 'MIX-4'"));
        // The new item's state is written from memory, the updated one's read back in SQL: the same shape.
        assertEquals("true", one("select (new_data = jsonb_build_object('name', 'Mix four', 'category', null, 'unit', 'unit', 'taxCategory', '"
                + tax() + "', 'active', true, 'barcodes', jsonb_build_array('MIXB', 'MIXC'), 'prices', jsonb_build_object('Standard Selling', 400)))::text "
                + "from audit_log where key = 'MIX-4'"));
        assertEquals(list("select k from audit_log, jsonb_object_keys(new_data) k where key = 'MIX-1' and old_data is not null order by k"),
                list("select k from audit_log, jsonb_object_keys(new_data) k where key = 'MIX-4' order by k"));

        // Feed: a fresh record for each changed item, none for the unchanged one, with the barcodes it has now.
        assertEquals(List.of("MIX-1", "MIX-2", "MIX-4"),
                list("select key from change_state where entity = 'item' and key like 'MIX-%' and seq > " + seqBefore + " order by key"));
        assertEquals("[\"MIXB\", \"MIXC\"]", one("select (data::jsonb->'barcodes')::text from change_state where entity = 'item' and key = 'MIX-4' and scope = 'Standard Selling'"));
        assertEquals("[\"MIXA\"]", one("select (data::jsonb->'barcodes')::text from change_state where entity = 'item' and key = 'MIX-2' and scope = 'Standard Selling'"));

        CatalogImport.Result again = run(H + "MIX-1,Mix one,,unit,," + t + ",1.10,,true\n"
                + "MIX-2,Mix two,,unit,MIXA," + t + ",2.00,,true\n"
                + "MIX-3,Mix three,,kg,," + t + ",3.00,,true\n"
                + "MIX-4,Mix four,,unit,MIXB|MIXC," + t + ",4.00,,true\n");
        assertEquals(List.of(0, 0, 4), List.of(again.created(), again.updated(), again.unchanged()), again.toString());
    }

    @Test
    void aBarcodeMovedAwayFromAnItemNotInTheFileIsRefused() {
        String t = "\"" + tax() + "\"";
        assertTrue(run(H + "MIY-1,Keeps,,unit,MIYA," + t + ",1,,true\n").applied());
        CatalogImport.Result r = imports.run((H + "MIY-2,Wants it,,unit,MIYA," + t + ",1,,true\n"
                + "MIY-3,Also new,,unit,MIYB," + t + ",1,,true\n").getBytes(StandardCharsets.UTF_8), "mix", true);
        assertEquals(1, r.refused().size(), r.refused().toString());
        assertEquals("line 2, column barcodes: barcode MIYA of item MIY-2 is already on item MIY-1; remove it there first or fix the barcode.", r.refused().getFirst().text());
        assertEquals(2, r.created(), "a dry run still says what the rows would do");
    }

    @Test
    void aLargeFilePublishesTheSameRecordsThroughTheGroupedFeedQuery() {
        String t = "\"" + tax() + "\"";
        StringBuilder csv = new StringBuilder(H);
        for (int i = 0; i < 1200; i++) csv.append("MIZ-").append(i).append(",Grouped ").append(i).append(",,unit,MIZB").append(i).append("|MIZA").append(i).append(",").append(t).append(",1,,true\n");
        assertEquals(1200, run(csv.toString()).created());
        assertEquals("1200", one("select count(*)::text from change_state where entity = 'item' and key like 'MIZ-%' and not deleted"));
        assertEquals("[\"MIZA7\", \"MIZB7\"]", one("select (data::jsonb->'barcodes')::text from change_state where entity = 'item' and key = 'MIZ-7'"));
    }
}
