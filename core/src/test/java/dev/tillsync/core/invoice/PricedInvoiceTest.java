package dev.tillsync.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The priced invoice a till builds from SaleMath passes the server's recomputation; each tampered figure is named. */
class PricedInvoiceTest {
    private final ObjectMapper json = Json.mapper();
    private static final InvoiceHeader HEADER = new InvoiceHeader("POS-0001-000009", Instant.parse("2026-01-01T10:00:00Z"), null,
            "amira@demo.shop", null, true, null, "k");

    /** 1.250 kg bananas at 4.00 and three pens at 3.99 with 10% off, 2.00 off the sale, prices include tax, cash to 0.05. */
    static InvoicePayload sample() {
        PricedSale sale = SaleMath.price(List.of(
                new CartLine("FRUIT-BANANA", "Bananas", 1250, true, 400, 1500, null),
                new CartLine("PEN", "Pen", 3000, false, 399, 1500, Discount.percent(1000, "damaged box"))),
                Discount.amount(200, "regular customer"), true);
        return PricedInvoice.of(HEADER, sale, List.of("kg", "unit"), List.of(new Payment("Cash", 2000, null)), 5);
    }

    @Test
    void buildsTheWireFormFromSaleMathAndPassesTheCheck() throws Exception {
        InvoicePayload inv = sample();
        assertThat(inv.lines().get(0).grossMinor()).isEqualTo(500);
        assertThat(inv.lines().get(0).qty()).isEqualTo(1);
        assertThat(inv.lines().get(1).lineDiscountMinor()).isEqualTo(120);
        assertThat(inv.lines().get(0).saleDiscountMinor() + inv.lines().get(1).saleDiscountMinor()).isEqualTo(200);
        assertThat(inv.discountMinor()).isEqualTo(320);
        assertThat(inv.grandTotalMinor()).isEqualTo(1377);
        assertThat(inv.roundingMinor()).isEqualTo(-2);
        assertThat(inv.changeMinor()).isEqualTo(2000 - 1375);
        assertThat(inv.taxTotalMinor()).isEqualTo(inv.lines().stream().mapToLong(InvoiceLine::taxMinor).sum());
        assertThat(PricedInvoiceCheck.check(inv, 5L, Payment::isCash).problems()).isEmpty();

        String text = json.writeValueAsString(inv);
        assertThat(text).contains("\"qtyMilli\":1250", "\"pricesIncludeTax\":true", "\"roundingMinor\":-2", "\"kind\":\"PERCENT\"")
                .doesNotContain("approvedBy").doesNotContain("priced").doesNotContain("quantityMilli");
        assertThat(json.readValue(text, InvoicePayload.class)).isEqualTo(inv);
    }

    @Test
    void aPreviousReleaseInvoiceWritesNoneOfTheNewFields() throws Exception {
        InvoiceLine line = InvoiceLine.of("PEN", "Pen", 2, 150, 1500);
        InvoicePayload old = new InvoicePayload("POS-0001-000001", Instant.parse("2026-01-01T10:00:00Z"), null, "a", null, true, null,
                "k", List.of(line), List.of(new Payment("Cash", line.totalMinor(), null)), 0, line.netMinor(), line.taxMinor(),
                line.totalMinor());
        String text = json.writeValueAsString(old);
        for (String f : List.of("qtyMilli", "unit", "grossMinor", "discount", "DiscountMinor", "pricesIncludeTax", "saleDiscount",
                "roundingMinor")) {
            assertThat(text).doesNotContain(f);
        }
        assertThat(old.priced()).isFalse();
        assertThat(line.quantityMilli()).isEqualTo(2000);
    }

    @Test
    void aTamperedDiscountIsNamedWithTheRecomputedFigure() {
        InvoicePayload inv = sample();
        List<InvoiceLine> lines = new ArrayList<>(inv.lines());
        InvoiceLine l = lines.get(1);
        lines.set(1, new InvoiceLine(l.itemCode(), l.itemName(), l.qty(), l.rateMinor(), l.taxRateBp(), l.netMinor(), l.taxMinor(),
                l.totalMinor(), l.qtyMilli(), l.unit(), l.grossMinor(), l.discount(), 150L, l.saleDiscountMinor()));
        InvoicePayload tampered = with(inv, lines, inv.roundingMinor());
        assertThat(PricedInvoiceCheck.check(tampered, 5L, Payment::isCash).problems())
                .containsExactly("line 2 (PEN) discount is 1.50 but 10% of 11.97 is 1.20");
    }

    @Test
    void aWrongRoundingAndBadQuantitiesAreRefusedWithReasons() {
        InvoicePayload inv = sample();
        assertThat(PricedInvoiceCheck.check(with(inv, inv.lines(), 3L), 5L, Payment::isCash).problems())
                .anyMatch(p -> p.startsWith("rounding is 0.03 but the cash due on a total of 13.77 rounds by -0.02"));
        assertThat(PricedInvoiceCheck.check(with(inv, inv.lines(), 3L), null, Payment::isCash).problems())
                .containsExactly("payments 20.00 minus change 6.25 do not equal the total 13.77 plus the rounding 0.03");

        InvoiceLine l = inv.lines().get(0);
        InvoiceLine zero = new InvoiceLine(l.itemCode(), l.itemName(), 0, l.rateMinor(), l.taxRateBp(), 0, 0, 0, 0L, "kg", 0L, null, 0L, 0L);
        assertThat(PricedInvoiceCheck.check(with(inv, List.of(zero), 0L), 5L, Payment::isCash).problems())
                .containsExactly("line 1 (FRUIT-BANANA): a quantity of 0 cannot be sold");
        InvoiceLine fraction = new InvoiceLine("PEN", "Pen", 1, 399, 1500, 0, 0, 0, 1500L, "unit", 0L, null, 0L, 0L);
        assertThat(PricedInvoiceCheck.check(with(inv, List.of(fraction), 0L), 5L, Payment::isCash).problems())
                .containsExactly("line 1 (PEN): PEN is sold by the unit; a quantity of 1.5 is not a whole number.");
        InvoiceLine over = new InvoiceLine("PEN", "Pen", 1, 399, 1500, 0, 0, 0, 1000L, "unit", 399L, Discount.amount(500, "x"), 500L, 0L);
        assertThat(PricedInvoiceCheck.check(with(inv, List.of(over), 0L), 5L, Payment::isCash).problems())
                .containsExactly("line 1 (PEN): a discount of 5.00 is more than the line's 3.99");
    }

    @Test
    void discountsAboveTheLimitAreListedForApproval() {
        InvoicePayload inv = sample();
        PricedSale p = PricedInvoiceCheck.check(inv, 5L, Payment::isCash).priced();
        assertThat(PricedInvoiceCheck.overLimit(p, 1000)).extracting(PricedInvoiceCheck.OverLimit::where).containsExactly("the sale");
        assertThat(PricedInvoiceCheck.overLimit(p, 999)).extracting(PricedInvoiceCheck.OverLimit::where)
                .containsExactly("line 2 (PEN)", "the sale");
        assertThat(PricedInvoiceCheck.overLimit(p, 10_000)).isEmpty();
    }

    private static InvoicePayload with(InvoicePayload inv, List<InvoiceLine> lines, Long rounding) {
        return new InvoicePayload(inv.number(), inv.postedAt(), inv.customerNumber(), inv.cashier(), inv.shiftUuid(), inv.offline(),
                inv.returnAgainst(), inv.profileKey(), lines, inv.payments(), inv.changeMinor(), inv.netTotalMinor(), inv.taxTotalMinor(),
                inv.grandTotalMinor(), null, inv.pricesIncludeTax(), inv.saleDiscount(), inv.discountMinor(), rounding);
    }
}
