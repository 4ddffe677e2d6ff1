package dev.tillsync.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.imports.csv.CatalogImport;
import dev.tillsync.server.imports.csv.CsvImportResult;
import dev.tillsync.server.imports.csv.CustomerExport;
import dev.tillsync.server.imports.csv.CustomerImport;
import dev.tillsync.server.imports.csv.StockExport;
import dev.tillsync.server.imports.csv.StockImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 20,000 stock levels and 20,000 customers: created, then the same file all unchanged, then the export all unchanged; timings printed. */
class StockCustomerImportVolumeTest {
    static final int N = 20_000;
    @TempDir static Path temp;
    private static TillServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static CsvImportResult timed(String what, java.util.function.Supplier<CsvImportResult> run) {
        long t = System.nanoTime();
        CsvImportResult r = run.get();
        System.out.printf("volume: %s: %s in %d ms%n", what, r.counts(), (System.nanoTime() - t) / 1_000_000);
        return r;
    }

    @Test
    void stockLevels() {
        var s = server.services();
        String tax = s.jdbi().withHandle(h -> h.createQuery("select name from tax_category order by name limit 1").mapTo(String.class).one());
        String wh = s.jdbi().withHandle(h -> h.createQuery("select name from warehouse where active order by name limit 1").mapTo(String.class).one());
        StringBuilder cat = new StringBuilder("code,name,unit,tax,price\n"), stock = new StringBuilder("warehouse,code,qty,mode\n");
        for (int i = 0; i < N; i++) {
            boolean kg = i % 5 == 0;
            cat.append("VS-").append(i).append(",Volume item ").append(i).append(',').append(kg ? "kg" : "unit").append(",\"").append(tax).append("\",1.00\n");
            stock.append('"').append(wh).append("\",VS-").append(i).append(',').append(kg ? (i % 97) + ".125" : String.valueOf(i % 300)).append(i % 2 == 0 ? ",set\n" : ",add\n");
        }
        assertThat(new CatalogImport(s.jdbi(), s.catalog().itemFeed()).run(bytes(cat), "test", false).refused()).isEmpty();
        StockImport imp = new StockImport(s.jdbi(), s.feed());
        byte[] file = bytes(stock);
        CsvImportResult first = timed("stock " + N + " rows, first", () -> imp.run(file, "test", false));
        assertThat(first.refused()).isEmpty();
        assertThat(first.created()).isGreaterThan(N / 2);
        CsvImportResult again = timed("stock same file again", () -> imp.run(file, "test", false));
        assertThat(again.unchanged()).isEqualTo(N);
        byte[] export = new StockExport(s.jdbi()).csv().getBytes(StandardCharsets.UTF_8);
        CsvImportResult back = timed("stock export imported", () -> imp.run(export, "test", false));
        assertThat(back.created() + back.updated()).isZero();
    }

    @Test
    void customers() {
        var s = server.services();
        StringBuilder csv = new StringBuilder("number,name,phone,email,tax_number,price_list\n");
        for (int i = 0; i < N; i++) {
            csv.append(i % 4 == 0 ? "" : "VC-" + i).append(",Customer ").append(i).append(",+1 555 ").append(1000 + i).append(",c").append(i).append("@example.com,,\n");
        }
        CustomerImport imp = new CustomerImport(s.jdbi(), s.feed(), s.audit());
        byte[] file = bytes(csv);
        CsvImportResult first = timed("customers " + N + " rows, first", () -> imp.run(file, "test", false));
        assertThat(first.created()).isEqualTo(N);
        CsvImportResult again = timed("customers same file again", () -> imp.run(file, "test", false));
        assertThat(again.unchanged()).isEqualTo(N);
        byte[] export = new CustomerExport(s.jdbi()).csv().getBytes(StandardCharsets.UTF_8);
        CsvImportResult back = timed("customers export imported", () -> imp.run(export, "test", false));
        assertThat(back.created() + back.updated()).isZero();
    }

    private static byte[] bytes(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
