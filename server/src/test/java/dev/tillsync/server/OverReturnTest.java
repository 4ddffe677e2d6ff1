package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Returns checked across tills at ingest: two tills offline that both take back most of one line are both accepted (it
 * happened), the second flagged as a conflict naming the invoice, the item, what was sold and what came back; a return's
 * discounts, which reproduce the sale's, are never compared with the cashier's limit.
 */
class OverReturnTest {
    private final TillServer server = SharedServer.get();

    @Test
    void twoTillsOfflineReturningTheSamePensAreBothAcceptedAndTheSecondFlagged() {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        StoreTills.Till a = StoreTills.till(server, StoreTills.STORE_A), b = StoreTills.till(server, StoreTills.STORE_A);
        InvoicePayload sale = StoreTills.sale(seller, 0);
        StoreTills.push(seller, sale);
        ReturnableLine pen = lookup(a, sale.number()).lines().get(0);
        // Both tills saw 3 pens left (offline) and took 2 back each.
        InvoicePayload fromA = StoreTills.returnOf(a, sale.number(), pen, 0, 2000);
        InvoicePayload fromB = StoreTills.returnOf(b, sale.number(), pen, 0, 2000);
        List<RowResult> ra = StoreTills.push(a, fromA), rb = StoreTills.push(b, fromB);
        assertThat(ra.get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(ra.get(0).review()).as(ra.get(0).message()).isFalse();
        assertThat(rb.get(0).outcome()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(rb.get(0).review()).isTrue();
        assertThat(StoreTills.reasons(server, rb.get(0).uuid())).containsExactly("over-return: invoice " + sale.number() + " sold 3 of "
                + StoreTills.PEN + ", and its returns from every till now take back 4 (2 before this one); accepted as it happened,"
                + " check which till's return was wrong");
        assertThat(lookup(seller, sale.number()).lines().get(0).returnedMilli()).isEqualTo(3000); // at most what was sold
    }

    @Test
    void anOverReturnWithinOneBatchIsFlaggedToo() {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        InvoicePayload sale = StoreTills.sale(seller, 0);
        StoreTills.push(seller, sale);
        ReturnableLine rice = lookup(seller, sale.number()).lines().get(1);
        List<RowResult> r = StoreTills.push(seller, StoreTills.returnOf(seller, sale.number(), rice, 0, 1000),
                StoreTills.returnOf(seller, sale.number(), rice, 0, 1000));
        assertThat(r).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        assertThat(r).extracting(RowResult::review).containsExactly(false, true);
        assertThat(StoreTills.reasons(server, r.get(1).uuid()).get(0)).contains("sold 1.5 of " + StoreTills.RICE).contains("take back 2 (1 before");
    }

    @Test
    void aReturnsDiscountsAreNotComparedWithTheCashiersLimit() {
        StoreTills.Till seller = StoreTills.till(server, StoreTills.STORE_A);
        InvoicePayload sale = StoreTills.sale(seller, 0);
        StoreTills.push(seller, sale);
        ReturnableLine pen = lookup(seller, sale.number()).lines().get(0);
        InvoicePayload ret = StoreTills.returnOf(seller, sale.number(), pen, 0, 1000);
        long off = -ret.lines().get(0).lineDiscountMinor();
        assertThat(off * 10_000 / pen.rateMinor()).as("the return's discount is above the 10%% limit").isGreaterThan(1000);
        RowResult r = StoreTills.push(seller, ret).get(0);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(r.review()).as(r.message()).isFalse();
    }

    private static ReturnableInvoice lookup(StoreTills.Till t, String number) {
        Http.Response r = t.http().get("/invoices/" + number + "/returnable");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.as(ReturnableInvoice.class);
    }
}
