package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/invoices/{number}/returnable through the real HTTP entry point: a till of the same store (same warehouse)
 * gets the sale's lines as sold and what every till of the store has taken back; a till of another store, a return's
 * number, and a caller without credentials are refused; an Accounts User may look any sale up.
 */
class ReturnableInvoiceApiTest {
    private final TillServer server = SharedServer.get();

    @Test
    void aTillOfTheStoreSeesTheLinesAndWhatTwoOtherTillsTookBack() {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till other = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till third = StoreTills.till(server, StoreTills.STORE_A);
        InvoicePayload sale = StoreTills.sale(seller, 0);
        assertThat(StoreTills.push(seller, sale).get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);

        ReturnableInvoice before = lookup(other, sale.number());
        assertThat(before.number()).isEqualTo(sale.number());
        assertThat(before.posId()).isEqualTo(seller.posId());
        assertThat(before.postedAt()).isEqualTo(sale.postedAt());
        assertThat(before.pricesIncludeTax()).isFalse();
        assertThat(before.payments()).isEqualTo(sale.payments());
        assertThat(before.lines()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            InvoiceLine sold = sale.lines().get(i);
            ReturnableLine l = before.lines().get(i);
            assertThat(l.lineNo()).isEqualTo(i + 1);
            assertThat(l.itemCode()).isEqualTo(sold.itemCode());
            assertThat(l.unit()).isEqualTo(sold.unit());
            assertThat(l.qtyMilli()).isEqualTo(sold.qtyMilli());
            assertThat(l.rateMinor()).isEqualTo(sold.rateMinor());
            assertThat(l.taxRateBp()).isEqualTo(sold.taxRateBp());
            assertThat(l.grossMinor()).isEqualTo(sold.grossMinor());
            assertThat(l.discountMinor()).isEqualTo(sold.lineDiscountMinor() + sold.saleDiscountMinor());
            assertThat(l.totalMinor()).isEqualTo(sold.totalMinor());
            assertThat(l.returnedMilli()).isZero();
        }
        assertThat(before.lines().get(0).discountMinor()).isGreaterThan(120); // 10% of 11.97 plus a share of the 1.00

        ReturnableLine pen = before.lines().get(0), rice = before.lines().get(1);
        InvoicePayload first = StoreTills.returnOf(other, sale.number(), pen, 0, 1000);
        InvoicePayload second = StoreTills.returnOf(third, sale.number(), pen, 1000, 1000);
        InvoicePayload riceBack = StoreTills.returnOf(third, sale.number(), rice, 0, 500);
        List<RowResult> a = StoreTills.push(other, first), b = StoreTills.push(third, second, riceBack);
        assertThat(a.get(0).outcome()).as(a.get(0).message()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(b).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        assertThat(b).extracting(RowResult::review).as(b.toString()).containsOnly(false);

        ReturnableInvoice after = lookup(seller, sale.number());
        assertThat(after.lines()).extracting(ReturnableLine::returnedMilli).containsExactly(2000L, 500L);
        assertThat(after.lines().get(0).leftMilli()).isEqualTo(1000);

        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        Http.Response byUser = viewer.get("/invoices/" + sale.number() + "/returnable");
        assertThat(byUser.status()).as(byUser.raw()).isEqualTo(200);
        assertThat(byUser.as(ReturnableInvoice.class)).isEqualTo(after);
    }

    @Test
    void aTillOfAnotherStoreAReturnAndNoCredentialsAreRefused() {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till elsewhere = StoreTills.till(server, StoreTills.STORE_B);
        InvoicePayload sale = StoreTills.sale(seller, 0);
        StoreTills.push(seller, sale);
        InvoicePayload ret = StoreTills.returnOf(seller, sale.number(), lookup(seller, sale.number()).lines().get(0), 0, 1000);
        assertThat(StoreTills.push(seller, ret).get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);

        Http.Response foreign = elsewhere.http().get("/invoices/" + sale.number() + "/returnable");
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("unknown_invoice");
        assertThat(foreign.body().path("message").asText()).startsWith("No sale " + sale.number() + " in this store");

        Http.Response unknown = seller.http().get("/invoices/" + seller.series() + "999999/returnable");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("unknown_invoice");

        Http.Response ofReturn = seller.http().get("/invoices/" + ret.number() + "/returnable");
        assertThat(ofReturn.status()).as(ofReturn.raw()).isEqualTo(409);
        assertThat(ofReturn.error()).isEqualTo("not_a_sale");
        assertThat(ofReturn.body().path("message").asText()).startsWith(ret.number() + " is a return; return against the sale");

        Http.Response anonymous = new Http(server.baseUrl()).get("/invoices/" + sale.number() + "/returnable");
        assertThat(anonymous.status()).as(anonymous.raw()).isEqualTo(401);
        Http.Response forged = new Http(server.baseUrl()).device(seller.posId(), "0".repeat(64)).get("/invoices/" + sale.number() + "/returnable");
        assertThat(forged.status()).isEqualTo(401);
    }

    private static ReturnableInvoice lookup(StoreTills.Till t, String number) {
        Http.Response r = t.http().get("/invoices/" + number + "/returnable");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.as(ReturnableInvoice.class);
    }
}
