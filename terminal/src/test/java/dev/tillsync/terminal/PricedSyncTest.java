package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.SharedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Priced sales against a real server (embedded PostgreSQL): the server recomputes each invoice with the same core code
 * and accepts what the till wrote, figure for figure; a discount tampered with after the sale is refused with the
 * recomputed figure, and the till shows why.
 */
class PricedSyncTest {
    @TempDir
    Path dir;

    @Test
    void discountedSalesAndAPricedReturnAreAcceptedAndATamperedDiscountIsRefusedWithTheRecomputedFigure() throws Exception {
        SharedServer.Device d = SharedServer.newDevice(50);
        long gross, off;
        TerminalOptions options = TerminalOptions.defaults().withRequestTimeout(Duration.ofSeconds(20));
        try (PosTerminal pos = PosTerminal.open(dir, options)) {
            assertThat(pos.link("http://127.0.0.1:" + SharedServer.get().port(), d.code(), "priced").pullError()).isNull();
            pos.login("amira@demo.shop", "1234");
            pos.openShift(10_000, null);
            List<SaleItem> cart = List.of(SaleItem.parse("ITEM-0001:3:10%"), SaleItem.parse("ITEM-0002:1:0.50"), SaleItem.units("ITEM-0003", 2));
            dev.tillsync.core.pricing.Discount saleOff = SaleItem.discount("5%", "loyalty", "the sale");
            CartQuote q = pos.quote(cart, saleOff, null);
            String approver = q.approvalNeeded() ? pos.approve("amira@demo.shop", "1234") : null;
            SaleReceipt sale = pos.recordSale(new SaleRequest(cart, null, List.of(new Payment("Card", q.totalMinor(), null)), saleOff, approver));
            assertThat(sale.invoice().grandTotalMinor()).as("the quote is what is recorded").isEqualTo(q.totalMinor());
            assertThat(sale.invoice().discountMinor()).isEqualTo(q.discountMinor()).isPositive();
            SaleReceipt cash = pos.recordSale(new SaleRequest(List.of(SaleItem.units("ITEM-0001", 1)), null,
                    List.of(new Payment("Cash", 1_000, null))));
            SaleReceipt ret = pos.recordReturn(new ReturnRequest(sale.number(), List.of(SaleItem.units("ITEM-0001", 1)),
                    List.of(new Payment("Card", -returned(pos, sale.number()), null))));
            SaleReceipt tampered = pos.recordSale(new SaleRequest(List.of(SaleItem.parse("ITEM-0003:1:10%")), null,
                    List.of(new Payment("Cash", 100_000, null))));
            assertThat(cash.invoice().roundingMinor()).isNotNull();
            assertThat(ret.invoice().lines().get(0).qtyMilli()).isEqualTo(-1000L);
            gross = tampered.invoice().lines().get(0).grossMinor();
            off = tampered.invoice().lines().get(0).lineDiscountMinor();
        }
        // the row is made to say 0.10 more off than 10% of the line
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> h.createUpdate("""
                    update outbox set payload = json_set(payload, '$.lines[0].lineDiscountMinor', :off)
                    where seq = (select max(seq) from outbox where kind = 'invoice')
                    """).bind("off", off + 10).execute());
        }
        try (PosTerminal pos = PosTerminal.open(dir, options)) {
            SyncSummary sync = pos.syncNow().get();
            assertThat(sync.error()).isNull();
            List<HistoryEntry> invoices = pos.history(new HistoryFilter(null, true, 10));
            assertThat(invoices).hasSize(4);
            HistoryEntry bad = invoices.get(0);
            assertThat(bad.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(bad.reason()).contains("line 1 (ITEM-0003) discount is " + Money.format(off + 10) + " but 10% of "
                    + Money.format(gross) + " is " + Money.format(off));
            for (HistoryEntry e : invoices.subList(1, 4)) {
                assertThat(e.status()).as(e.number() + " " + e.reason()).isEqualTo(SyncStatus.SYNCED);
                assertThat(SharedServer.count("select grand_total_minor from sales_invoice where number = ?", e.number()))
                        .isEqualTo(e.totalMinor());
                assertThat(SharedServer.count("select discount_minor from sales_invoice where number = ?", e.number()))
                        .isEqualTo(e.discountMinor());
                assertThat(SharedServer.count("select rounding_minor from sales_invoice where number = ?", e.number()))
                        .isEqualTo(e.roundingMinor());
            }
            assertThat(SharedServer.count("select count(*) from sales_invoice_line l join sales_invoice i on i.id = l.invoice_id"
                    + " where i.number = ? and l.qty_milli is not null", invoices.get(3).number())).isEqualTo(3);
        }
    }

    /** What one ITEM-0001 of the sale refunds, as the till prices it (price, tax and discount share as sold). */
    private static long returned(PosTerminal pos, String number) {
        var line = pos.recordedInvoice(number).lines().get(0);
        long share = dev.tillsync.core.returns.ReturnPricing.discountFor(new dev.tillsync.core.returns.ReturnableLine(1, line.itemCode(),
                line.itemName(), line.unit(), line.qtyMilli(), 0, line.rateMinor(), line.taxRateBp(), line.grossMinor(),
                line.lineDiscountMinor() + line.saleDiscountMinor(), line.totalMinor()), 0, 1000);
        var priced = dev.tillsync.core.pricing.SaleMath.price(List.of(new dev.tillsync.core.pricing.CartLine(line.itemCode(), line.itemName(),
                -1000, false, line.rateMinor(), line.taxRateBp(), dev.tillsync.core.pricing.Discount.amount(share, "return"))), null, false);
        return -priced.totalMinor();
    }
}
