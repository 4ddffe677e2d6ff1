package dev.tillsync.bench.catalog;

import dev.tillsync.server.imports.csv.CatalogCsv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A generated catalogue CSV of {@code items} items, two rows each (the shop's default list and a second list), with an
 * EAN-13 and an internal barcode per item, a category and a tax category from the shop. Invariant: deterministic for
 * the same arguments, so a second import of the bytes is all unchanged, and every value passes the import's checks.
 */
public record CatalogFile(byte[] bytes, int items, int rows, List<String> categories, List<String> taxes) {
    public static final String SECOND_LIST = "Bench Wholesale";
    public static final String CATEGORY_PREFIX = "Bench category ";

    /** Creates the categories and the second price list the file names (if missing) and builds the file. */
    public static CatalogFile prepare(Jdbi jdbi, String codePrefix, int items) {
        jdbi.useTransaction(h -> {
            h.execute("insert into price_list (name, currency, currency_digits) values (?, 'USD', 2) on conflict do nothing", SECOND_LIST);
            for (int c = 1; c <= 20; c++) h.execute("insert into category (name) values (?) on conflict do nothing", CATEGORY_PREFIX + c);
        });
        List<String> taxes = jdbi.withHandle(h -> h.createQuery("select name from tax_category where active order by name").mapTo(String.class).list());
        List<String> cats = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(c -> CATEGORY_PREFIX + c).toList();
        StringBuilder csv = new StringBuilder(items * 160).append("code,name,category,unit,barcodes,tax,price,price_list,active\n");
        for (int i = 1; i <= items; i++) {
            String code = codePrefix + String.format("%06d", i);
            String common = code + ",Bench item " + i + "," + cats.get(i % cats.size()) + "," + (i % 10 == 0 ? "kg" : "unit") + ","
                    + ean13(i) + "|" + code + "-B," + taxes.get(i % taxes.size()) + ",";
            csv.append(common).append(1 + i % 500).append('.').append(i % 10).append("0,").append(CatalogCsv.DEFAULT_LIST).append(",true\n");
            csv.append(common).append(1 + i % 400).append(".25,").append(SECOND_LIST).append(",true\n");
        }
        return new CatalogFile(csv.toString().getBytes(StandardCharsets.UTF_8), items, 2 * items, cats, taxes);
    }

    /** EAN-13 from "29" + a 10-digit number, with its check digit. */
    public static String ean13(int i) {
        String twelve = "29" + String.format("%010d", i);
        return twelve + dev.tillsync.server.master.ItemRules.checkDigit(twelve);
    }
}
