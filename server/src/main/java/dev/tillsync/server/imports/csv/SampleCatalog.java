package dev.tillsync.server.imports.csv;

import dev.tillsync.server.master.ItemRules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A made-up catalogue in the import's columns, for trying the import on a new server before the shop's own file is
 * ready. Invariant: the same arguments write the same bytes, every row passes the import's checks on a server that
 * has the named tax category, and no barcode starts with 20–29 (those prefixes are kept for scale labels).
 */
public final class SampleCatalog {
    private static final String[] WORDS = {"Tea", "Coffee", "Rice", "Pasta", "Soap", "Pen", "Notebook", "Juice", "Water",
            "Biscuits", "Dates", "Honey", "Salt", "Sugar", "Milk", "Cheese", "Bread", "Olive oil", "Tissues", "Batteries"};

    private SampleCatalog() {}

    /** Writes {@code items} items (every tenth sold by the kg) priced on {@code priceList}, taxed under {@code tax}. */
    public static void write(Path file, int items, String tax, String priceList) throws IOException {
        if (items < 1 || items > 1_000_000) throw new IllegalArgumentException("--items must be between 1 and 1,000,000 (it is " + items + ").");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,category,unit,barcodes,tax,price,price_list,active\n");
            for (int i = 1; i <= items; i++) {
                boolean weighed = i % 10 == 0;
                String name = WORDS[i % WORDS.length] + (weighed ? " loose " : " no. ") + i;
                String price = String.format(Locale.ROOT, "%d.%02d", 1 + i % 60, (i * 7) % 100);
                w.write(String.format(Locale.ROOT, "SKU-%06d,%s,,%s,%s,%s,%s,%s,true%n", i, name, weighed ? "kg" : "unit",
                        ean13(i), CsvCells.cell(tax), price, CsvCells.cell(priceList)));
            }
        }
    }

    /** EAN-13 "400" + the item number in nine digits + the check digit (GS1 prefix 400, not a scale prefix). */
    public static String ean13(int n) {
        String twelve = String.format(Locale.ROOT, "400%09d", n);
        return twelve + ItemRules.checkDigit(twelve);
    }
}
