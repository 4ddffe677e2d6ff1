package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sales, the daily and per-cashier reports and reconciliation through the API, with the shop in Asia/Riyadh (UTC+3)
 * on a server of its own (the time zone is server-wide). The day is {@link SalesDay}; every figure below is worked by
 * hand from it. S1 at 22:30 UTC on 1 June is 01:30 on 2 June in Riyadh, so it counts on 2 June.
 */
class SalesReportsApiTest {
    @TempDir
    static Path temp;
    private static TillServer server;
    private static Http viewer;
    private static SalesDay.Made day;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        Http admin = new Http(server.baseUrl()).bearer(Fixtures.token(server, "admin@demo.shop", "admin-pass"));
        assertThat(admin.put("/settings", Map.of("timeZone", "Asia/Riyadh")).status()).isEqualTo(200);
        viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        day = SalesDay.push(server, Instant.parse("2024-06-01T22:30:00Z"), Instant.parse("2024-06-02T09:00:00Z"),
                Instant.parse("2024-06-02T10:00:00Z"), Instant.parse("2024-06-02T21:30:00Z"));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static List<String> numbers(Http.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("invoices").forEach(i -> out.add(i.get("number").asText()));
        return out;
    }

    @Test
    void invoicesAreListedByLocalDayTillCashierAndSearch() {
        String dev = "device=" + day.posId();
        Http.Response june2 = viewer.get("/invoices?" + dev + "&day=2024-06-02");
        assertThat(numbers(june2)).containsExactly(day.r1(), day.s2(), day.s1());
        assertThat(june2.body().get("total").asLong()).isEqualTo(3);
        assertThat(june2.body().get("totalGrossMinor").asLong()).isEqualTo(945 + 172 - 372);
        assertThat(june2.body().get("timeZone").asText()).isEqualTo("Asia/Riyadh");
        JsonNode r1 = june2.body().at("/invoices/0");
        assertThat(r1.get("kind").asText()).isEqualTo("return");
        assertThat(r1.get("returnAgainst").asText()).isEqualTo(day.s1());
        assertThat(r1.get("grossMinor").asLong()).isEqualTo(-372);
        assertThat(r1.get("gross").asText()).isEqualTo("-3.72");
        assertThat(june2.body().at("/invoices/2/postedAt").asText()).isEqualTo("2024-06-01T22:30:00Z"); // UTC on the wire
        assertThat(numbers(viewer.get("/invoices?" + dev + "&day=2024-06-01"))).isEmpty();
        assertThat(numbers(viewer.get("/invoices?" + dev + "&day=2024-06-03"))).containsExactly(day.s3());
        assertThat(numbers(viewer.get("/invoices?" + dev + "&from=2024-06-02&to=2024-06-03"))).containsExactly(day.s3(), day.r1(), day.s2(), day.s1());
        assertThat(numbers(viewer.get("/invoices?" + dev + "&cashier=ben@demo.shop"))).containsExactly(day.s2());
        assertThat(numbers(viewer.get("/invoices?q=" + day.s3()))).containsExactly(day.s3());
        assertThat(numbers(viewer.get("/invoices?" + dev + "&page=2"))).isEmpty();

        assertThat(viewer.get("/invoices?device=NO-SUCH").status()).isEqualTo(404);
        assertThat(viewer.get("/invoices?day=yesterday").error()).isEqualTo("invalid_date");
        assertThat(viewer.get("/invoices?pos=POS-0001").error()).isEqualTo("unknown_parameter");
        assertThat(viewer.get("/invoices?page=0").error()).isEqualTo("invalid_page");
        assertThat(viewer.get("/invoices?day=2024-06-02&from=2024-06-01").error()).isEqualTo("invalid_range");
        assertThat(viewer.get("/invoices?q=%25'%3B--").status()).isEqualTo(200);
    }

    @Test
    void anInvoiceShowsItsLinesPaymentsReturnsAndSyncFacts() {
        Http.Response r = viewer.get("/invoices/" + day.s1());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode i = r.body();
        assertThat(i.get("device").asText()).isEqualTo(day.posId());
        assertThat(i.get("cashier").asText()).isEqualTo("amira@demo.shop");
        assertThat(i.get("netMinor").asLong()).isEqualTo(900);
        assertThat(i.get("taxMinor").asLong()).isEqualTo(45);
        assertThat(i.get("grossMinor").asLong()).isEqualTo(945);
        assertThat(i.get("changeMinor").asLong()).isEqualTo(455);
        JsonNode pen = i.at("/lines/0"), bread = i.at("/lines/1");
        assertThat(pen.get("itemCode").asText()).isEqualTo("ITEM-0001");
        assertThat(pen.get("itemName").asText()).isEqualTo("Ballpoint Pen Blue");
        assertThat(pen.get("qty").asLong()).isEqualTo(2);
        assertThat(pen.get("rateMinor").asLong()).isEqualTo(150);
        assertThat(pen.get("taxRate").asText()).isEqualTo("15%");
        assertThat(pen.get("taxMinor").asLong()).isEqualTo(45);
        assertThat(pen.get("totalMinor").asLong()).isEqualTo(345);
        assertThat(pen.get("returnedQty").asLong()).isEqualTo(1);
        assertThat(bread.get("itemCode").asText()).isEqualTo(day.bread());
        assertThat(bread.get("itemName").asText()).isEqualTo("Sourdough Bread");
        assertThat(bread.get("qty").asLong()).isEqualTo(3);
        assertThat(bread.get("taxRate").asText()).isEqualTo("0%");
        assertThat(bread.get("totalMinor").asLong()).isEqualTo(600);
        assertThat(bread.get("returnedQty").asLong()).isEqualTo(1);
        assertThat(i.at("/payments/0/mode").asText()).isEqualTo("Card");
        assertThat(i.at("/payments/0/amountMinor").asLong()).isEqualTo(400);
        assertThat(i.at("/payments/0/reference").asText()).isEqualTo("slip-1");
        assertThat(i.at("/payments/1/mode").asText()).isEqualTo("Cash");
        assertThat(i.at("/payments/1/amount").asText()).isEqualTo("10.00");
        assertThat(i.at("/returns/0/number").asText()).isEqualTo(day.r1());
        assertThat(i.at("/returns/0/grossMinor").asLong()).isEqualTo(-372);
        assertThat(i.at("/returns/0/items/0/qty").asLong()).isEqualTo(1);
        assertThat(i.at("/sync/seq").asLong()).isEqualTo(2);
        assertThat(i.at("/sync/via").asText()).isEqualTo("push");
        assertThat(Instant.parse(i.at("/sync/receivedAt").asText())).isAfter(Instant.parse("2024-06-02T00:00:00Z"));
        assertThat(i.at("/sync/shift/uuid").asText()).isEqualTo(day.shift());
        assertThat(i.at("/sync/shift/user").asText()).isEqualTo("amira@demo.shop");
        assertThat(i.at("/sync/shift/shiftType").asText()).isEqualTo("Morning");

        Http.Response ret = viewer.get("/invoices/" + day.r1());
        assertThat(ret.body().get("returnAgainst").asText()).isEqualTo(day.s1());
        assertThat(ret.body().at("/lines/0/qty").asLong()).isEqualTo(-1);
        Http.Response none = viewer.get("/invoices/NO-SUCH-1");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().get("message").asText()).contains("NO-SUCH-1");
    }

    @Test
    void dailyReportCountsEachSaleOnItsLocalDayWithTaxPerRatePaymentModesAndReturns() {
        Http.Response r = viewer.get("/reports/daily?from=2024-06-01&to=2024-06-03&device=" + day.posId());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.get("timeZone").asText()).isEqualTo("Asia/Riyadh");
        assertThat(b.get("rates").toString()).isEqualTo("[1500,0]");
        assertThat(b.get("modes").toString()).isEqualTo("[\"Card\",\"Cash\"]");
        assertThat(b.has("discountsNote")).isFalse(); // discounts are read from sales_invoice.discount_minor (V13)
        JsonNode d1 = b.at("/days/0"), d2 = b.at("/days/1"), d3 = b.at("/days/2"), t = b.get("total");
        assertThat(d1.get("day").asText()).isEqualTo("2024-06-01");
        assertThat(d1.get("invoices").asLong()).isZero();           // S1 was 22:30 UTC = 01:30 on 2 June in Riyadh
        assertThat(d1.get("grossMinor").asLong()).isZero();
        // 2 June: S1 9.45 + S2 1.72 - R1 3.72
        assertThat(d2.get("day").asText()).isEqualTo("2024-06-02");
        assertThat(d2.get("invoices").asLong()).isEqualTo(2);
        assertThat(d2.get("returns").asLong()).isEqualTo(1);
        assertThat(d2.get("returnsMinor").asLong()).isEqualTo(372);
        assertThat(d2.get("netMinor").asLong()).isEqualTo(900 + 150 - 350);
        assertThat(d2.get("taxMinor").asLong()).isEqualTo(45 + 22 - 22);
        assertThat(d2.get("grossMinor").asLong()).isEqualTo(745);
        assertThat(d2.get("gross").asText()).isEqualTo("7.45");
        assertThat(d2.get("discountsMinor").asLong()).isZero();
        assertThat(d2.at("/taxByRate/0/rateBp").asInt()).isEqualTo(1500);
        assertThat(d2.at("/taxByRate/0/netMinor").asLong()).isEqualTo(300 + 150 - 150);
        assertThat(d2.at("/taxByRate/0/taxMinor").asLong()).isEqualTo(45);
        assertThat(d2.at("/taxByRate/1/rateBp").asInt()).isZero();
        assertThat(d2.at("/taxByRate/1/netMinor").asLong()).isEqualTo(600 - 200);
        assertThat(d2.at("/taxByRate/1/taxMinor").asLong()).isZero();
        assertThat(d2.at("/byPaymentModeMinor/Card").asLong()).isEqualTo(400);
        assertThat(d2.at("/byPaymentModeMinor/Cash").asLong()).isEqualTo(1000 - 455 + 172 - 372);
        // 3 June: S3 at 21:30 UTC on 2 June = 00:30 on 3 June
        assertThat(d3.get("invoices").asLong()).isEqualTo(1);
        assertThat(d3.get("grossMinor").asLong()).isEqualTo(200);
        assertThat(d3.at("/byPaymentModeMinor/Card").asLong()).isEqualTo(200);
        assertThat(t.get("invoices").asLong()).isEqualTo(3);
        assertThat(t.get("returns").asLong()).isEqualTo(1);
        assertThat(t.get("returnsMinor").asLong()).isEqualTo(372);
        assertThat(t.get("netMinor").asLong()).isEqualTo(900);
        assertThat(t.get("taxMinor").asLong()).isEqualTo(45);
        assertThat(t.get("grossMinor").asLong()).isEqualTo(945);
        assertThat(t.at("/taxByRate/1/netMinor").asLong()).isEqualTo(600);
        assertThat(t.at("/byPaymentModeMinor/Card").asLong()).isEqualTo(600);
        assertThat(t.at("/byPaymentModeMinor/Cash").asLong()).isEqualTo(345);

        // Store-wide it is the same: this server has no other sales on these days.
        assertThat(viewer.get("/reports/daily?from=2024-06-01&to=2024-06-03").body().at("/total/grossMinor").asLong()).isEqualTo(945);
        assertThat(viewer.get("/reports/daily?from=2024-06-03&to=2024-06-01").error()).isEqualTo("invalid_range");
        assertThat(viewer.get("/reports/daily?from=2020-01-01&to=2024-01-01").error()).isEqualTo("range_too_long");
        assertThat(viewer.get("/reports/daily?device=NO-SUCH").status()).isEqualTo(404);
    }

    @Test
    void dailyReportAsCsvByAcceptHeaderOrCsvRoute() {
        String q = "?from=2024-06-02&to=2024-06-03&device=" + day.posId();
        Http.Response csv = viewer.get("/reports/daily.csv" + q);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw()).isEqualTo("day,invoices,net,net 15%,tax 15%,net 0%,tax 0%,tax,gross,Card,Cash,discounts,returns,returns_amount\r\n"
                + "2024-06-02,2,7.00,3.00,0.45,4.00,0.00,0.45,7.45,4.00,3.45,0.00,1,3.72\r\n"
                + "2024-06-03,1,2.00,0.00,0.00,2.00,0.00,0.00,2.00,2.00,0.00,0.00,0,0.00\r\n"
                + "total,3,9.00,3.00,0.45,6.00,0.00,0.45,9.45,6.00,3.45,0.00,1,3.72\r\n");
        assertThat(viewer.with("Accept", "text/csv").get("/reports/daily" + q).raw()).isEqualTo(csv.raw());
    }

    @Test
    void cashierReportCountsSalesGrossReturnsAndCashTakenAndItsCsvNeutralisesFormulas() {
        Http.Response r = viewer.get("/reports/cashiers?from=2024-06-01&to=2024-06-03&device=" + day.posId());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode amira = r.body().at("/cashiers/0"), ben = r.body().at("/cashiers/1"), t = r.body().get("total");
        assertThat(amira.get("cashier").asText()).isEqualTo("amira@demo.shop");
        assertThat(amira.get("name").asText()).isEqualTo("Amira Haddad");
        assertThat(amira.get("sales").asLong()).isEqualTo(2);
        assertThat(amira.get("grossMinor").asLong()).isEqualTo(945 - 372 + 200);
        assertThat(amira.get("returns").asLong()).isEqualTo(1);
        assertThat(amira.get("returnsMinor").asLong()).isEqualTo(372);
        assertThat(amira.get("cashTakenMinor").asLong()).isEqualTo(1000 - 455 - 372);
        assertThat(ben.get("cashier").asText()).isEqualTo("ben@demo.shop");
        assertThat(ben.get("sales").asLong()).isEqualTo(1);
        assertThat(ben.get("grossMinor").asLong()).isEqualTo(172);
        assertThat(ben.get("cashTakenMinor").asLong()).isEqualTo(172);
        assertThat(t.get("sales").asLong()).isEqualTo(3);
        assertThat(t.get("grossMinor").asLong()).isEqualTo(945);
        assertThat(t.get("cashTakenMinor").asLong()).isEqualTo(345);
        assertThat(viewer.get("/reports/cashiers.csv?from=2024-06-01&to=2024-06-03&device=" + day.posId()).raw())
                .isEqualTo("cashier,name,sales,gross,returns,returns_amount,cash_taken,discounts,rounding\r\n"
                        + "amira@demo.shop,Amira Haddad,2,7.73,1,3.72,1.73,0.00,0.00\r\n"
                        + "ben@demo.shop,Ben Carter,1,1.72,0,0.00,1.72,0.00,0.00\r\n"
                        + "total,,3,9.45,1,3.72,3.45,0.00,0.00\r\n");

        SalesDay.pushOne(server, Instant.parse("2024-07-10T09:00:00Z"), "=HYPERLINK(\"http://x\")");
        String formula = viewer.get("/reports/cashiers.csv?from=2024-07-10&to=2024-07-10").raw();
        assertThat(formula).contains("\"'=HYPERLINK(\"\"http://x\"\")\",,1,1.72,0,0.00,1.72,0.00,0.00\r\n");
    }

    @Test
    void reconciliationDaysAreTheShopsLocalDays() {
        Http.Response r = viewer.get("/reports/reconciliation?posId=" + day.posId() + "&from=2024-06-02&to=2024-06-02");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().at("/devices/0/salesCount").asLong()).isEqualTo(2);   // S1 (01:30 local) and S2
        assertThat(r.body().at("/devices/0/returnsCount").asLong()).isEqualTo(1);
        assertThat(r.body().at("/devices/0/grandTotalMinor").asLong()).isEqualTo(745);
        assertThat(r.body().get("from").asText()).isEqualTo("2024-06-01T21:00:00Z");
        assertThat(viewer.get("/reports/reconciliation?posId=" + day.posId() + "&from=2024-06-01&to=2024-06-01")
                .body().at("/devices/0/salesCount").asLong()).isZero();
    }

    @Test
    void todayCountsARefusedRowAsFailedAndASequenceGapAsPendingOnItsTill() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        // seq 1 and 4 are sales (1 and 2 pens) of 31 May; seq 2 is refused (an item the server does not know); seq 3 never came
        var bad = Fixtures.invoiceRow(2, d.invoiceSeries() + "000002", d.profileKey(),
                List.of(dev.tillsync.core.invoice.InvoiceLine.of("NO-SUCH-ITEM", "Ghost", 1, 100, 0)),
                List.of(new dev.tillsync.core.invoice.Payment("Cash", 100, null)));
        Http.Response push = d.http().post("/sync/push", new dev.tillsync.core.sync.PushBatch(d.posId(), d.profileKey(),
                List.of(Fixtures.penSale(d, 1, 1, 1), bad, Fixtures.penSale(d, 4, 4, 2))));
        assertThat(push.status()).as(push.raw()).isEqualTo(200);
        assertThat(push.raw()).contains("unknown_item");
        JsonNode till = null;
        for (JsonNode t : viewer.get("/reports/today?day=2024-05-31").body().get("tills")) if (t.get("posId").asText().equals(d.posId())) till = t;
        assertThat(till).isNotNull();
        assertThat(till.get("sales").asLong()).isEqualTo(2);
        assertThat(till.get("grossMinor").asLong()).isEqualTo(172 + 345);
        assertThat(till.get("failed").asLong()).isEqualTo(1);
        assertThat(till.get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void todayListsEveryTillWithItsSalesAndSyncAndTheHoursInLocalTime() {
        Http.Response r = viewer.get("/reports/today?day=2024-06-02");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.get("sales").asLong()).isEqualTo(2);
        assertThat(b.get("grossMinor").asLong()).isEqualTo(745);
        assertThat(b.get("returns").asLong()).isEqualTo(1);
        assertThat(b.at("/byPaymentModeMinor/Cash").asLong()).isEqualTo(345);
        JsonNode till = null;
        for (JsonNode t : b.get("tills")) if (t.get("posId").asText().equals(day.posId())) till = t;
        assertThat(till).isNotNull();
        assertThat(till.get("sales").asLong()).isEqualTo(2);
        assertThat(till.get("grossMinor").asLong()).isEqualTo(745);
        assertThat(till.get("pending").asLong()).isZero();
        assertThat(till.get("failed").asLong()).isZero();
        // S1 at 01:30 and S2 at 12:00 local; the return (13:00) is not a sale
        assertThat(b.get("hours").toString()).isEqualTo("[{\"hour\":1,\"count\":1,\"totalMinor\":945,\"offlineCount\":0},"
                + "{\"hour\":12,\"count\":1,\"totalMinor\":172,\"offlineCount\":0}]");
        assertThat(viewer.get("/reports/today").status()).isEqualTo(200);
    }
}
