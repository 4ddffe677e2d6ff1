package dev.tillsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.PushResult;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.admin.DemoSeed;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.ingest.ReviewReasons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Priced invoices (issue 17) through the real HTTP push: the server recomputes them with SaleMath, stores every
 * figure, refuses a tampered one naming the recomputed figure, flags (never refuses) a discount above the profile's
 * limit without a valid approver, and still takes a previous-release row as before.
 */
class PricedInvoiceIngestTest {
    private static final TillServer server = SharedServer.get();
    private static final String PROFILE = "T17 Inclusive", LIST = "T17 Inclusive Prices";
    private static final String BANANA = "T17-BANANA", PEN = "T17-PEN";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private record Till(String posId, String series, String profileKey, Http http) {}

    @BeforeAll
    static void shop() {
        Services s = server.services();
        s.jdbi().useTransaction(h -> {
            s.catalog().ensureProfile(h, new Catalog.ProfileSpec(PROFILE, DemoSeed.WAREHOUSE, LIST,
                    List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false),
                            new PaymentModeData("Card", PaymentModeData.CARD, false, false)),
                    "VAT 15%", "T17", "thanks", "T17 shop", "300000000000003", 5, 1000, 60, null));
            h.execute("update price_list set prices_include_tax = true where name = ?", LIST);
            s.catalog().upsertItem(h, new ItemData(BANANA, "Bananas", List.of(), 400, 1500, true, "kg", null, null, LIST, true));
            s.catalog().upsertItem(h, new ItemData(PEN, "Pen", List.of(), 399, 1500, true, "unit", null, null, LIST, true));
            s.catalog().setStockMilli(h, DemoSeed.WAREHOUSE, BANANA, 1_000_000);
            s.catalog().setStockMilli(h, DemoSeed.WAREHOUSE, PEN, 1_000_000);
        });
    }

    private static Till till() {
        String posId = "POS-P17-" + NEXT.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4);
        server.admin().createDevice(posId, PROFILE, 100, posId + "-", "C" + posId + "-", "priced till");
        server.admin().addDeviceUser(posId, "amira@demo.shop", true, false, false);
        server.admin().addDeviceUser(posId, "ben@demo.shop", false, false, false);
        Http http = new Http(server.baseUrl());
        Http.Response r = http.post("/terminal/link", new LinkRequest(server.admin().issueLinkCode(posId), "test"));
        LinkResponse lr = r.as(LinkResponse.class);
        return new Till(posId, lr.config().invoiceSeries(), lr.config().profileKey(), http.device(posId, lr.deviceSecret()));
    }

    /** 1.250 kg bananas at 4.00, three pens at 3.99 with 10% off, 2.00 off the sale, prices include tax, 20.00 cash. */
    private static InvoicePayload sale(Till t, int counter, Discount saleDiscount) {
        PricedSale priced = SaleMath.price(List.of(
                new CartLine(BANANA, "Bananas", 1250, true, 400, 1500, null),
                new CartLine(PEN, "Pen", 3000, false, 399, 1500, Discount.percent(1000, "damaged box"))), saleDiscount, true);
        return PricedInvoice.of(header(t, counter), priced, List.of("kg", "unit"), List.of(new Payment("Cash", 2000, null)), 5);
    }

    private static InvoiceHeader header(Till t, int counter) {
        return new InvoiceHeader(t.series() + String.format("%06d", counter), Instant.parse("2024-05-31T10:00:00Z"), null,
                "amira@demo.shop", null, true, null, t.profileKey());
    }

    private static SyncRow row(long seq, Object payload) {
        return new SyncRow(UUID.randomUUID().toString(), seq, RowKind.INVOICE, Instant.parse("2024-05-31T10:00:00Z"),
                Http.JSON.valueToTree(payload));
    }

    private static List<RowResult> push(Till t, SyncRow... rows) {
        return t.http().post("/sync/push", new PushBatch(t.posId(), t.profileKey(), List.of(rows))).as(PushResult.class).results();
    }

    private static List<String> reasons(String uuid) {
        return server.services().jdbi().withHandle(h -> new ReviewReasons().parse(
                h.createQuery("select review_reasons from pos_offline_sync_status where uuid = :u").bind("u", uuid).mapTo(String.class).one()));
    }

    @Test
    void aPricedSaleIsAcceptedAndStoredWithSaleMathsFigures() {
        Till t = till();
        InvoicePayload inv = sale(t, 1, Discount.amount(200, "regular customer").approvedBy("amira@demo.shop"));
        SyncRow r = row(1, inv);
        List<RowResult> res = push(t, r);
        assertThat(res.get(0).outcome()).as(res.get(0).message()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(res.get(0).review()).as(String.valueOf(reasons(r.uuid()))).isFalse();
        assertThat(inv.grandTotalMinor()).isEqualTo(1377);
        assertThat(inv.roundingMinor()).isEqualTo(-2);

        server.services().jdbi().useHandle(h -> {
            Map<String, Object> i = h.createQuery("""
                            select net_total_minor, tax_total_minor, grand_total_minor, change_minor, prices_include_tax, discount_minor,
                                   rounding_minor, sale_discount_kind, sale_discount_value, sale_discount_reason, sale_discount_approved_by
                            from sales_invoice where number = :n""").bind("n", inv.number()).mapToMap().one();
            assertThat(i).containsEntry("net_total_minor", inv.netTotalMinor()).containsEntry("tax_total_minor", inv.taxTotalMinor())
                    .containsEntry("grand_total_minor", 1377L).containsEntry("change_minor", 625L)
                    .containsEntry("prices_include_tax", true).containsEntry("discount_minor", 320L).containsEntry("rounding_minor", -2L)
                    .containsEntry("sale_discount_kind", "AMOUNT").containsEntry("sale_discount_value", 200L)
                    .containsEntry("sale_discount_reason", "regular customer").containsEntry("sale_discount_approved_by", "amira@demo.shop");
            List<Map<String, Object>> lines = h.createQuery("""
                            select l.qty_milli, l.unit, l.gross_minor, l.line_discount_minor, l.sale_discount_minor, l.net_minor, l.tax_minor,
                                   l.total_minor, l.discount_kind, l.discount_value, l.discount_reason
                            from sales_invoice_line l join sales_invoice i on i.id = l.invoice_id where i.number = :n order by l.line_no""")
                    .bind("n", inv.number()).mapToMap().list();
            for (int k = 0; k < 2; k++) {
                InvoiceLine want = inv.lines().get(k);
                assertThat(lines.get(k)).containsEntry("qty_milli", want.qtyMilli()).containsEntry("unit", want.unit())
                        .containsEntry("gross_minor", want.grossMinor()).containsEntry("line_discount_minor", want.lineDiscountMinor())
                        .containsEntry("sale_discount_minor", want.saleDiscountMinor()).containsEntry("net_minor", want.netMinor())
                        .containsEntry("tax_minor", want.taxMinor()).containsEntry("total_minor", want.totalMinor());
            }
            assertThat(lines.get(1)).containsEntry("discount_kind", "PERCENT").containsEntry("discount_value", 1000L)
                    .containsEntry("discount_reason", "damaged box");
            assertThat(h.createQuery("select qty_milli from stock_ledger where voucher_no = :n and item_code = :i")
                    .bind("n", inv.number()).bind("i", BANANA).mapTo(Long.class).one()).isEqualTo(-1250L);
        });

        // The reports read the invoice's discounts; reconciliation shows them and the cash rounding per device and shift.
        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        Http.Response daily = viewer.get("/reports/daily?from=2024-05-31&to=2024-05-31&device=" + t.posId());
        assertThat(daily.body().at("/total/discountsMinor").asLong()).as(daily.raw()).isEqualTo(320);
        Http.Response cashiers = viewer.get("/reports/cashiers?from=2024-05-31&to=2024-05-31&device=" + t.posId());
        assertThat(cashiers.body().at("/cashiers/0/discountsMinor").asLong()).as(cashiers.raw()).isEqualTo(320);
        assertThat(cashiers.body().at("/cashiers/0/discounts").asText()).isEqualTo("3.20");
        assertThat(cashiers.body().at("/cashiers/0/roundingMinor").asLong()).isEqualTo(-2);
        assertThat(cashiers.body().at("/cashiers/0/rounding").asText()).isEqualTo("-0.02");
        assertThat(viewer.get("/reports/cashiers.csv?from=2024-05-31&to=2024-05-31&device=" + t.posId()).raw())
                .contains("amira@demo.shop,Amira Haddad,1,13.77,0,0.00,").endsWith(",3.20,-0.02\r\n");
        Http.Response detail = viewer.get("/invoices/" + inv.number());
        assertThat(detail.body().get("discountMinor").asLong()).as(detail.raw()).isEqualTo(320);
        assertThat(detail.body().get("roundingMinor").asLong()).isEqualTo(-2);
        assertThat(detail.body().get("pricesIncludeTax").asBoolean()).isTrue();
        assertThat(detail.body().at("/lines/0/qtyMilli").asLong()).isEqualTo(1250);
        assertThat(detail.body().at("/lines/0/quantity").asText()).isEqualTo("1.25");
        assertThat(detail.body().at("/lines/0/unit").asText()).isEqualTo("kg");
        assertThat(detail.body().at("/lines/1/discountMinor").asLong()).isEqualTo(120 + inv.lines().get(1).saleDiscountMinor());
        var recon = server.services().reconciliation().report(t.posId(), null, null).devices().get(0);
        assertThat(recon.discountMinor()).isEqualTo(320);
        assertThat(recon.roundingMinor()).isEqualTo(-2);
    }

    @Test
    void reconciliationShowsDiscountsAndCashRoundingPerShiftDeviceAndCashier() {
        Till t = till();
        String shift = UUID.randomUUID().toString();
        InvoicePayload s = sale(t, 1, Discount.amount(200, "regular customer").approvedBy("amira@demo.shop"));
        InvoicePayload inShift = new InvoicePayload(s.number(), s.postedAt(), null, "ben@demo.shop", shift, true, null, s.profileKey(),
                s.lines(), s.payments(), s.changeMinor(), s.netTotalMinor(), s.taxTotalMinor(), s.grandTotalMinor(), null,
                s.pricesIncludeTax(), s.saleDiscount(), s.discountMinor(), s.roundingMinor());
        SyncRow open = new SyncRow(UUID.randomUUID().toString(), 1, RowKind.SHIFT_OPEN, Instant.parse("2024-05-31T08:00:00Z"),
                Http.JSON.valueToTree(new dev.tillsync.core.payload.ShiftOpenPayload(shift, "ben@demo.shop", "Evening", 0,
                        Instant.parse("2024-05-31T08:00:00Z"))));
        assertThat(push(t, open, row(2, inShift))).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        var device = server.services().reconciliation().report(t.posId(), null, null).devices().get(0);
        assertThat(device.discountMinor()).isEqualTo(320);
        assertThat(device.roundingMinor()).isEqualTo(-2);
        assertThat(device.shifts()).hasSize(1);
        assertThat(device.shifts().get(0).discountMinor()).isEqualTo(320);
        assertThat(device.shifts().get(0).roundingMinor()).isEqualTo(-2);
        Http viewer = new Http(server.baseUrl()).bearer(Fixtures.token(server, "viewer@demo.shop", "viewer-pass"));
        Http.Response recon = viewer.get("/reports/reconciliation?posId=" + t.posId());
        assertThat(recon.body().at("/devices/0/shifts/0/discountMinor").asLong()).as(recon.raw()).isEqualTo(320);
        assertThat(recon.body().at("/devices/0/shifts/0/roundingMinor").asLong()).isEqualTo(-2);
        Http.Response cashiers = viewer.get("/reports/cashiers?from=2024-05-31&to=2024-05-31&device=" + t.posId());
        assertThat(cashiers.body().at("/cashiers/0/cashier").asText()).isEqualTo("ben@demo.shop");
        assertThat(cashiers.body().at("/cashiers/0/discountsMinor").asLong()).isEqualTo(320);
        assertThat(cashiers.body().at("/cashiers/0/roundingMinor").asLong()).isEqualTo(-2);
    }

    @Test
    void aPricedReturnOfAWeighedLineIsRoundedAndPutsTheWeightBackInStock() {
        Till t = till();
        InvoicePayload original = sale(t, 1, Discount.amount(200, "regular customer").approvedBy("amira@demo.shop"));
        PricedSale back = SaleMath.price(List.of(new CartLine(BANANA, "Bananas", -630, true, 400, 1500, null)), null, true);
        long rounding = PricedInvoice.rounding(back.totalMinor(), List.of(new Payment("Cash", -1, null)), 5);
        InvoiceHeader h = header(t, 2);
        InvoicePayload ret = PricedInvoice.of(new InvoiceHeader(h.number(), h.postedAt(), null, h.cashier(), null, true, original.number(),
                h.profileKey()), back, List.of("kg"), List.of(new Payment("Cash", back.totalMinor() + rounding, null)), 5);
        assertThat(ret.grandTotalMinor()).isEqualTo(-252);
        assertThat(ret.roundingMinor()).isEqualTo(2);
        List<RowResult> res = push(t, row(1, original), row(2, ret));
        assertThat(res).extracting(RowResult::outcome).containsExactly(RowOutcome.ACCEPTED, RowOutcome.ACCEPTED);
        assertThat(res.get(1).review()).isFalse();
        long moved = server.services().jdbi().withHandle(x -> x.createQuery(
                "select qty_milli from stock_ledger where voucher_no = :n").bind("n", ret.number()).mapTo(Long.class).one());
        assertThat(moved).isEqualTo(630);
    }

    @Test
    void aTamperedDiscountIsRefusedNamingTheRecomputedFigure() {
        Till t = till();
        InvoicePayload inv = sale(t, 1, Discount.amount(200, "regular customer").approvedBy("amira@demo.shop"));
        List<InvoiceLine> lines = new ArrayList<>(inv.lines());
        InvoiceLine l = lines.get(1);
        lines.set(1, new InvoiceLine(l.itemCode(), l.itemName(), l.qty(), l.rateMinor(), l.taxRateBp(), l.netMinor(), l.taxMinor(),
                l.totalMinor(), l.qtyMilli(), l.unit(), l.grossMinor(), l.discount(), 150L, l.saleDiscountMinor()));
        List<RowResult> res = push(t, row(1, with(inv, lines, inv.saleDiscount())));
        assertThat(res.get(0).outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(res.get(0).code()).isEqualTo("totals_mismatch");
        assertThat(res.get(0).message()).contains("line 2 (T17-PEN) discount is 1.50 but 10% of 11.97 is 1.20");
        long stored = server.services().jdbi().withHandle(h -> h.createQuery("select count(*) from sales_invoice where number = :n")
                .bind("n", inv.number()).mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void aPreviousReleaseRowIsAcceptedAsBefore() {
        Till t = till();
        InvoiceLine line = InvoiceLine.of(PEN, "Pen", 2, 399, 1500);
        InvoicePayload old = new InvoicePayload(t.series() + "000001", Instant.parse("2024-05-31T10:00:00Z"), null, "amira@demo.shop",
                null, true, null, t.profileKey(), List.of(line), List.of(new Payment("Cash", 1000, null)), 1000 - line.totalMinor(),
                line.netMinor(), line.taxMinor(), line.totalMinor());
        SyncRow r = row(1, old);
        assertThat(r.payload().has("roundingMinor")).isFalse();
        assertThat(r.payload().get("lines").get(0).has("qtyMilli")).isFalse();
        List<RowResult> res = push(t, r);
        assertThat(res.get(0).outcome()).as(res.get(0).message()).isEqualTo(RowOutcome.ACCEPTED);
        assertThat(res.get(0).review()).isFalse();
        server.services().jdbi().useHandle(h -> {
            Map<String, Object> m = h.createQuery("""
                            select i.grand_total_minor, i.discount_minor, i.rounding_minor, i.prices_include_tax, l.qty, l.qty_milli,
                                   l.gross_minor, l.line_discount_minor, l.sale_discount_minor
                            from sales_invoice i join sales_invoice_line l on l.invoice_id = i.id where i.number = :n""")
                    .bind("n", old.number()).mapToMap().one();
            assertThat(m).containsEntry("grand_total_minor", 918L).containsEntry("discount_minor", 0L).containsEntry("rounding_minor", 0L)
                    .containsEntry("prices_include_tax", false).containsEntry("qty", 2L).containsEntry("qty_milli", 2000L)
                    .containsEntry("gross_minor", 798L).containsEntry("line_discount_minor", 0L).containsEntry("sale_discount_minor", 0L);
        });
    }

    @Test
    void aDiscountOverTheLimitWithoutAValidApproverIsAcceptedAndFlagged() {
        Till t = till();
        SyncRow none = row(1, sale(t, 1, Discount.amount(200, "regular customer")));
        SyncRow notAllowed = row(2, sale(t, 2, Discount.amount(200, "regular customer").approvedBy("ben@demo.shop")));
        SyncRow approved = row(3, sale(t, 3, Discount.amount(200, "regular customer").approvedBy("amira@demo.shop")));
        List<RowResult> res = push(t, none, notAllowed, approved);
        assertThat(res).extracting(RowResult::outcome).containsOnly(RowOutcome.ACCEPTED);
        assertThat(res).extracting(RowResult::review).containsExactly(true, true, false);
        assertThat(reasons(none.uuid())).contains(
                "the sale: a discount of 12.69% is over the profile's limit of 10% and no approver was recorded");
        assertThat(reasons(notAllowed.uuid())).contains("the sale: a discount of 12.69% is over the profile's limit of 10% and was"
                + " approved by 'ben@demo.shop', who may not configure this till (can_configure_pos)");
    }

    @Test
    void badQuantitiesAndDiscountsAreRefusedWithTheirReason() {
        Till t = till();
        InvoicePayload inv = sale(t, 1, null);
        InvoiceLine b = inv.lines().get(0);
        InvoiceLine zeroKg = new InvoiceLine(BANANA, "Bananas", 0, 400, 1500, 0, 0, 0, 0L, "kg", 0L, null, 0L, 0L);
        InvoiceLine negative = new InvoiceLine(BANANA, "Bananas", 0, 400, 1500, -200, -26, -200, -500L, "kg", -200L, null, 0L, 0L);
        InvoiceLine fraction = new InvoiceLine(PEN, "Pen", 1, 399, 1500, 599, 78, 599, 1500L, "unit", 599L, null, 0L, 0L);
        InvoiceLine overLine = new InvoiceLine(PEN, "Pen", 1, 399, 1500, 0, 0, 0, 1000L, "unit", 399L, Discount.amount(500, "x"), 500L, 0L);
        List<RowResult> res = push(t, row(1, with(inv, List.of(b, zeroKg), null)), row(2, with(inv, List.of(negative), null)),
                row(3, with(inv, List.of(fraction), null)), row(4, with(inv, List.of(overLine), null)));
        assertThat(res).extracting(RowResult::outcome).containsOnly(RowOutcome.REJECTED);
        assertThat(res.get(0).message()).contains("line 2 (T17-BANANA): a quantity of 0 cannot be sold");
        assertThat(res.get(1).message()).contains("line 1 (T17-BANANA): quantity -0.5 cannot be negative on a sale");
        assertThat(res.get(2).message()).contains("T17-PEN is sold by the unit; a quantity of 1.5 is not a whole number.");
        assertThat(res.get(3).message()).contains("line 1 (T17-PEN): a discount of 5.00 is more than the line's 3.99");

        var over100 = Http.JSON.valueToTree(inv);
        ((com.fasterxml.jackson.databind.node.ObjectNode) over100.get("lines").get(1).get("discount")).put("value", 15000);
        RowResult r = push(t, new SyncRow(UUID.randomUUID().toString(), 5, RowKind.INVOICE, Instant.now(), over100)).get(0);
        assertThat(r.outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(r.message()).contains("A discount of 150% is over 100%.");
    }

    private static InvoicePayload with(InvoicePayload inv, List<InvoiceLine> lines, Discount saleDiscount) {
        return new InvoicePayload(inv.number(), inv.postedAt(), inv.customerNumber(), inv.cashier(), inv.shiftUuid(), inv.offline(),
                inv.returnAgainst(), inv.profileKey(), lines, inv.payments(), inv.changeMinor(), inv.netTotalMinor(), inv.taxTotalMinor(),
                inv.grandTotalMinor(), null, inv.pricesIncludeTax(), saleDiscount, inv.discountMinor(), inv.roundingMinor());
    }
}
