package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports over a month of a busy shop: 100,000 invoices (two lines, one payment each) over 35 days, written
 * straight into the tables as ingest would leave them. Each report must answer within a few seconds on this
 * machine; the figures are printed (docs/reports.md).
 */
class SalesReportsVolumeTest {
    private static final int INVOICES = 100_000;

    @TempDir
    static Path temp;
    private static TillServer server;
    private static Http viewer;

    @BeforeAll
    static void start() throws Exception {
        server = TillServer.start(new ServerOptions(temp.resolve("server"), null, 0));
        server.admin().seedDemo();
        server.services().jdbi().useTransaction(h -> {
            h.execute("""
                    insert into sales_invoice (number, device_id, sync_uuid, posted_at, cashier, offline, change_minor,
                                               net_total_minor, tax_total_minor, grand_total_minor)
                    select 'VOL-' || g, d.id, 'vol-' || g, timestamptz '2024-01-01 00:00:00+00' + g * interval '30 seconds',
                           case when g % 3 = 0 then 'ben@demo.shop' else 'amira@demo.shop' end, g % 5 = 0, 0, 450, 45, 495
                    from generate_series(1, ?) g, (select id from pos_offline where pos_id = 'POS-0001') d""", INVOICES);
            h.execute("""
                    insert into sales_invoice_line (invoice_id, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
                    select i.id, n, case n when 1 then 'ITEM-0001' else 'ITEM-0002' end, null, 1,
                           case n when 1 then 150 else 300 end, 1000, case n when 1 then 150 else 300 end,
                           case n when 1 then 15 else 30 end, case n when 1 then 165 else 330 end
                    from sales_invoice i, generate_series(1, 2) n where i.number like 'VOL-%'""");
            h.execute("""
                    insert into sales_invoice_payment (invoice_id, line_no, mode, amount_minor, reference)
                    select i.id, 1, case when i.id % 2 = 0 then 'Cash' else 'Card' end, 495, null from sales_invoice i where i.number like 'VOL-%'""");
            h.execute("analyze sales_invoice");
            h.execute("analyze sales_invoice_line");
            h.execute("analyze sales_invoice_payment");
        });
        viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Http.Response timed(String what, Supplier<Http.Response> call) {
        call.get(); // warm the caches and the JIT once
        long t0 = System.nanoTime();
        Http.Response r = call.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("sales-reports volume: %-44s %6d ms (%,d invoices)%n", what, ms, INVOICES);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(ms).as(what + " took " + ms + " ms").isLessThan(5_000);
        return r;
    }

    @Test
    void eachReportOverAMonthOfAHundredThousandInvoicesAnswersInSeconds() {
        Http.Response daily = timed("daily report, 35 days, all tills", () -> viewer.get("/reports/daily?from=2024-01-01&to=2024-02-04"));
        assertThat(daily.body().at("/total/invoices").asLong()).isEqualTo(INVOICES);
        assertThat(daily.body().at("/total/grossMinor").asLong()).isEqualTo(495L * INVOICES);
        assertThat(daily.body().at("/total/taxByRate/0/taxMinor").asLong()).isEqualTo(45L * INVOICES);
        Http.Response cashiers = timed("cashier report, 35 days, all tills", () -> viewer.get("/reports/cashiers?from=2024-01-01&to=2024-02-04"));
        assertThat(cashiers.body().at("/total/sales").asLong()).isEqualTo(INVOICES);
        timed("daily report, 35 days, one till", () -> viewer.get("/reports/daily?from=2024-01-01&to=2024-02-04&device=POS-0001"));
        timed("daily report CSV, 35 days, all tills", () -> viewer.get("/reports/daily.csv?from=2024-01-01&to=2024-02-04"));
        timed("daily report CSV, 35 days, one till", () -> viewer.get("/reports/daily.csv?from=2024-01-01&to=2024-02-04&device=POS-0001"));
        Http.Response day = timed("invoice list, one day, first page", () -> viewer.get("/invoices?day=2024-01-15"));
        assertThat(day.body().get("total").asLong()).isEqualTo(2_880);
        timed("invoice list, all days, first page", () -> viewer.get("/invoices"));
        timed("invoice list, search a number", () -> viewer.get("/invoices?q=VOL-5000"));
        timed("today (one day, all tills)", () -> viewer.get("/reports/today?day=2024-01-15"));
        timed("one invoice", () -> viewer.get("/invoices/VOL-77777"));
    }
}
