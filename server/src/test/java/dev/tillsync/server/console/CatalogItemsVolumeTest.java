package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import dev.tillsync.server.imports.csv.CatalogImport;
import dev.tillsync.server.master.ItemRules;
import dev.tillsync.server.master.items.CatalogLists;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The items page over 50,000 items (made by the CSV import, as a shop would): the first page, the last page,
 * searches by code, name and barcode prefix, one that matches nothing, and a category filter each answer quickly.
 * Prints the time per request (median and worst of 5) for docs/performance.md.
 */
class CatalogItemsVolumeTest {
    private static final int N = Integer.getInteger("volume.items", 50_000);
    private static final Pattern ROW = Pattern.compile("<a href=\"/console/items/edit\\?code=");

    @TempDir
    static Path temp;
    private static TillServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        var jdbi = server.services().jdbi();
        server.services().catalogLists().saveCategory("test", null, new CatalogLists.Category("Bulk", null, 0, true, null));
        StringBuilder csv = new StringBuilder("code,name,category,unit,barcodes,tax,price,price_list\n");
        for (int i = 0; i < N; i++) {
            String d = "29" + String.format("%010d", 700_000 + i);
            csv.append("VOL-").append(String.format("%05d", i)).append(",Volume item ").append(i).append(',').append(i % 10 == 0 ? "Bulk" : "")
                    .append(",unit,").append(d).append(ItemRules.checkDigit(d)).append(",Tax 15%,").append(i % 100).append(".25,Standard Selling\n");
        }
        long t0 = System.nanoTime();
        CatalogImport.Result r = new CatalogImport(jdbi, server.services().catalog().itemFeed()).run(csv.toString().getBytes(StandardCharsets.UTF_8), "test", false);
        System.out.printf("volume: imported %d items in %d ms%n", N, (System.nanoTime() - t0) / 1_000_000);
        assertThat(r.refused()).isEmpty();
        assertThat(r.created()).isEqualTo(N);
        jdbi.useHandle(h -> h.execute("analyze"));
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&email=viewer%40demo.shop&password=viewer-pass")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theItemsPageAnswersQuicklyOverFiftyThousandItems() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("first page", "/console/items");
        cases.put("page 500 (offset 24,950)", "/console/items?offset=24950");
        cases.put("last page", "/console/items?offset=" + (N + 200 - 50));
        cases.put("code prefix VOL-4999", "/console/items?fragment=rows&q=VOL-4999");
        cases.put("code prefix in lower case vol-4999", "/console/items?fragment=rows&q=vol-4999");
        cases.put("name prefix 'volume item 1234'", "/console/items?fragment=rows&q=" + URLEncoder.encode("volume item 1234", StandardCharsets.UTF_8));
        cases.put("barcode prefix 29000072345", "/console/items?fragment=rows&q=29000072345");
        cases.put("no match 'zzz'", "/console/items?fragment=rows&q=zzz");
        cases.put("category Bulk", "/console/items?fragment=rows&category=Bulk");
        cases.put("category Bulk + name 'volume item 49'", "/console/items?fragment=rows&category=Bulk&q=volume+item+49");
        Map<String, Integer> expectRows = Map.of("code prefix VOL-4999", 10, "code prefix in lower case vol-4999", 10, "name prefix 'volume item 1234'", 11, "barcode prefix 29000072345", 10,
                "no match 'zzz'", 0, "first page", 50, "page 500 (offset 24,950)", 50, "category Bulk", 50);
        StringBuilder report = new StringBuilder("items page over " + N + " items (ms per request, median / worst of 5):\n");
        for (var c : cases.entrySet()) {
            long[] ms = new long[5];
            String body = null;
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + c.getValue())).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - t) / 1_000_000;
                assertThat(r.statusCode()).as(c.getKey()).isEqualTo(200);
                body = r.body();
            }
            Arrays.sort(ms);
            report.append(String.format("  %-40s %5d / %5d%n", c.getKey(), ms[2], ms[4]));
            int rows = (int) ROW.matcher(body).results().count();
            if (expectRows.containsKey(c.getKey())) assertThat(rows).as(c.getKey()).isEqualTo(expectRows.get(c.getKey()));
            assertThat(ms[2]).as(c.getKey() + " median ms").isLessThan(1000);
        }
        System.out.print(report);
    }
}
