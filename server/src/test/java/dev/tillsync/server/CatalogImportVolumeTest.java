package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.imports.csv.CatalogImport;
import dev.tillsync.server.master.ItemRules;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** 5,000 items with an EAN each and two price lists' worth of rows: counts right on first and second import (no timing assertion). */
class CatalogImportVolumeTest {
    private final TillServer server = SharedServer.get();

    @Test
    void fiveThousandItems() {
        int n = Integer.getInteger("volume.items", 5000);
        var jdbi = server.services().jdbi();
        String tax = jdbi.withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
        jdbi.useHandle(h -> h.execute("insert into price_list (name, currency, currency_digits) values ('Volume Wholesale', 'USD', 2) on conflict do nothing"));
        StringBuilder csv = new StringBuilder("code,name,unit,barcodes,tax,price,price_list\n");
        for (int i = 0; i < n; i++) {
            String d = "29" + String.format("%010d", 500_000 + i);
            String ean = d + ItemRules.checkDigit(d);
            String row = "VOL-" + i + ",Volume item " + i + ",unit," + ean + "|VOLB" + i + "," + tax + ",";
            csv.append(row).append(i % 100).append(".25,Standard Selling\n").append(row).append(i % 90).append(".10,Volume Wholesale\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        CatalogImport imports = new CatalogImport(jdbi, server.services().catalog().itemFeed());
        long t0 = System.nanoTime();
        CatalogImport.Result first = imports.run(bytes, "test", false);
        long t1 = System.nanoTime();
        CatalogImport.Result second = imports.run(bytes, "test", false);
        long t2 = System.nanoTime();
        System.out.printf("catalog import of %d items (%d rows): first %d ms, second %d ms%n", n, 2 * n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        assertThat(first.refused()).isEmpty();
        assertThat(first.created()).isEqualTo(n);
        assertThat(second.unchanged()).isEqualTo(n);
        assertThat(second.created() + second.updated()).isZero();
    }
}
