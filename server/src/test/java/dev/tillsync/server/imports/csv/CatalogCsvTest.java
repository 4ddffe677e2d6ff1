package dev.tillsync.server.imports.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillsync.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {
    private static final CatalogCsv.Lookups LOOK = new CatalogCsv.Lookups(Set.of("Drinks"), Set.of("Tax 20%"),
            Map.of("Standard Selling", new CatalogCsv.PriceList("Standard Selling", "USD", 2),
                    "Yen", new CatalogCsv.PriceList("Yen", "JPY", 0)));

    private static CatalogCsv.Parsed parse(String s) {
        return CatalogCsv.parse(CsvFile.parse(s.getBytes(StandardCharsets.UTF_8)), LOOK);
    }

    private static CatalogCsv.Refused only(String s) {
        List<CatalogCsv.Refused> r = parse(s).refused();
        assertEquals(1, r.size(), r.toString());
        return r.getFirst();
    }

    private static final String H = "code,name,category,unit,barcodes,tax,price,price_list,active\n";

    @Test
    void oneItemWithTwoPrices() {
        CatalogCsv.Parsed p = parse(H + "T-1,Tea,Drinks,unit,4006381333931|T1,Tax 20%,1.50,Standard Selling,true\n"
                + "T-1,Tea,Drinks,unit,T1|4006381333931,Tax 20%,200,Yen,true\n");
        assertEquals(List.of(), p.refused());
        assertEquals(1, p.items().size());
        assertEquals(Map.of("Standard Selling", 150L, "Yen", 200L), p.items().getFirst().prices());
    }

    @Test
    void headerErrorsRefuseTheFile() {
        assertTrue(assertThrows(Refusal.class, () -> parse("code,name,colour,price\nA,b,c,1\n")).getMessage().contains("'colour'"));
        assertTrue(assertThrows(Refusal.class, () -> parse("code,name\nA,b\n")).getMessage().contains("'price'"));
        assertTrue(assertThrows(Refusal.class, () -> parse(H)).getMessage().contains("no rows"));
    }

    @Test
    void rowErrorsNameLineAndColumn() {
        CatalogCsv.Refused dup = only(H + "A,Apple,,,4006381333931,Tax 20%,1,,\nB,Pear,,,4006381333931,Tax 20%,1,,\n");
        assertEquals(3, dup.line());
        assertEquals("barcodes", dup.column());
        assertTrue(dup.message().contains("item A at line 2"), dup.message());
        assertEquals("price", only(H + "A,Apple,,,,Tax 20%,-1,,\n").column());
        assertTrue(only(H + "A,Apple,,,,Tax 20%,1.555,,\n").message().contains("more decimals than USD"));
        assertEquals("category", only(H + "A,Apple,Fruit,,,Tax 20%,1,,\n").column());
        assertEquals("tax", only(H + "A,Apple,,,,VAT,1,,\n").column());
        assertEquals("price_list", only(H + "A,Apple,,,,Tax 20%,1,Wholesale,\n").column());
        assertEquals("name", only(H + "A,=HYPERLINK(1),,,,Tax 20%,1,,\n").column());
        assertTrue(only(H + "A,Apple,,,4006381333932,Tax 20%,1,,\n").message().contains("check digit"));
    }
}
