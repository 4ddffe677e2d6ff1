package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad requests get a clear JSON error, write nothing, and the server keeps serving. */
class BadInputTest {
    private final TillServer server = SharedServer.get();
    private final Http http = new Http(server.baseUrl());

    private static void assertError(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.error()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().get("message").asText()).isNotBlank();
    }

    @Test
    void malformedOrWronglyTypedBodiesAreRefusedAsA400() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        assertError(d.http().post("/sync/push", "{\"posId\": "), 400, "malformed_json");
        assertError(d.http().post("/sync/push", "{\"posId\":\"" + d.posId() + "\",\"rows\":[{\"uuid\":\"u\",\"seq\":\"abc\"}]}"), 400, "invalid_request");
        assertError(d.http().post("/sync/push", "{\"posId\":\"" + d.posId() + "\",\"rows\":[],\"extra\":1}"), 400, "unknown_field");
        assertError(d.http().post("/sync/push", "{\"posId\":\"" + d.posId() + "\",\"rows\":[{\"uuid\":\"u\",\"seq\":1,\"kind\":\"teleport\"}]}"), 400, "invalid_request");
        assertError(d.http().post("/sync/push", ""), 400, "invalid_request");
        assertError(http.post("/auth/login", "{\"email\": tru"), 400, "malformed_json");
        assertError(http.get("/no/such/thing"), 404, "not_found");
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void oversizeBodyAndOversizeBatchApplyNothing() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 2);
        String huge = "{\"posId\":\"" + d.posId() + "\",\"rows\":[],\"profileKey\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        assertError(d.http().post("/sync/push", huge), 413, "body_too_large");
        List<SyncRow> three = List.of(Fixtures.penSale(d, 1, 1, 1), Fixtures.penSale(d, 2, 2, 1), Fixtures.penSale(d, 3, 3, 1));
        assertError(d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), three)), 413, "batch_too_large");
        assertThat(statusRows(d)).isZero();
        PushResult ok = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), three.subList(0, 2))).as(PushResult.class);
        assertThat(ok.results()).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
    }

    @Test
    void deviceAuthenticationFailures() {
        Fixtures.Linked a = Fixtures.linkedDevice(server, 500);
        Fixtures.Linked b = Fixtures.linkedDevice(server, 500);
        PushBatch batch = new PushBatch(a.posId(), a.profileKey(), List.of(Fixtures.penSale(a, 1, 1, 1)));
        assertError(http.post("/sync/push", batch), 401, "device_auth_failed");
        assertError(http.device(a.posId(), "0".repeat(64)).post("/sync/push", batch), 401, "device_auth_failed");
        assertError(http.device(a.posId(), b.secret()).post("/sync/push", batch), 401, "device_auth_failed");
        assertError(http.with("X-Pos-Id", a.posId()).with("Authorization", "Bearer " + a.secret()).get("/sync/pull"), 401, "device_auth_failed");
        assertError(b.http().post("/sync/push", batch), 403, "pos_id_mismatch");
        assertThat(statusRows(a)).isZero();
    }

    @Test
    void rowsThatCannotBeAppliedAreRejectedWithAReasonAndDoNotBlockLaterRows() {
        Fixtures.Linked d = Fixtures.linkedDevice(server, 500);
        String series = d.invoiceSeries();
        InvoiceLine zero = new InvoiceLine("ITEM-0001", "Pen", 0, 150, 1500, 0, 0, 0);
        InvoiceLine negative = InvoiceLine.of("ITEM-0001", "Pen", -1, 150, 1500);
        InvoiceLine pen = InvoiceLine.of("ITEM-0001", "Pen", 1, 150, 1500);
        InvoiceLine wrongTotal = new InvoiceLine("ITEM-0001", "Pen", 2, 150, 1500, 300, 45, 999);
        List<SyncRow> rows = List.of(
                Fixtures.invoiceRow(1, series + "000001", d.profileKey(), List.of(zero), List.of()),
                Fixtures.invoiceRow(2, series + "000002", d.profileKey(), List.of(negative), List.of(new Payment("Cash", negative.totalMinor(), null))),
                Fixtures.invoiceRow(3, series + "000003", d.profileKey(), List.of(wrongTotal), List.of(new Payment("Cash", 999, null))),
                Fixtures.invoiceRow(4, series + "000004", d.profileKey(), List.of(pen), List.of(new Payment("Bitcoin", pen.totalMinor(), null))),
                Fixtures.customerRow(5, "CUST-9999-00001", "Mallory", null),
                Fixtures.customerRow(6, d.customerSeries() + "00001", "'; DROP TABLE customer; --", "+44 20 7946 0000"),
                Fixtures.row(7, dev.tillsync.core.sync.RowKind.STOCK_MOVEMENT,
                        new dev.tillsync.core.payload.StockMovementPayload("ITEM-0002", 0, "count", "amira@demo.shop", null)),
                Fixtures.penSale(d, 8, 8, 1));
        PushResult r = d.http().post("/sync/push", new PushBatch(d.posId(), d.profileKey(), rows)).as(PushResult.class);
        assertThat(r.results()).extracting(RowResult::code).containsExactly("totals_mismatch", "totals_mismatch", "totals_mismatch",
                "unknown_payment_mode", "number_outside_series", null, "invalid_payload", null);
        assertThat(r.results().get(0).message()).contains("quantity must be positive");
        assertThat(r.results().get(1).message()).contains("quantity must be positive");
        assertThat(r.results().get(2).message()).contains("do not add up");
        assertThat(r.results().get(5).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(r.results().get(7).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        String stored = server.services().jdbi().withHandle(h -> h.createQuery("select name from customer where number = :n")
                .bind("n", d.customerSeries() + "00001").mapTo(String.class).one());
        assertThat(stored).isEqualTo("'; DROP TABLE customer; --");
        Integer invoices = server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sales_invoice where number like :p").bind("p", series + "%").mapTo(Integer.class).one());
        assertThat(invoices).isEqualTo(1);
    }

    @Test
    void duplicateCustomerPhoneIsAcceptedAndFlagged() {
        Fixtures.Linked a = Fixtures.linkedDevice(server, 500);
        Fixtures.Linked b = Fixtures.linkedDevice(server, 500);
        a.http().post("/sync/push", new PushBatch(a.posId(), a.profileKey(), List.of(Fixtures.customerRow(1, a.customerSeries() + "00001", "Sam", "555-0199"))));
        PushResult r = b.http().post("/sync/push", new PushBatch(b.posId(), b.profileKey(),
                List.of(Fixtures.customerRow(1, b.customerSeries() + "00001", "Samuel", "(555) 0199")))).as(PushResult.class);
        assertThat(r.results().get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(r.results().get(0).review()).isTrue();
        assertThat(r.results().get(0).message()).contains("possible duplicate customer");
    }

    private long statusRows(Fixtures.Linked d) {
        return server.services().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from pos_offline_sync_status s join pos_offline d on d.id = s.device_id where d.pos_id = :p")
                .bind("p", d.posId()).mapTo(Long.class).one());
    }
}
