package dev.tillsync.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/pricing.md. */
class SaleMathTest {
    @Test
    void weighedLineAtAPricePerKilo() {
        // 1.250 kg × 4.00/kg = 5.00, zero rated
        PricedSale s = SaleMath.price(List.of(new CartLine("FRUIT-BANANA", "Bananas", 1_250, true, 400, 0, null)), null, false);
        assertThat(s.totalMinor()).isEqualTo(500);
    }

    @Test
    void inclusivePriceExtractsTaxPerLine() {
        // 11.50 including 15% VAT: tax = 11.50 × 0.15 / 1.15 = 1.50, net 10.00
        PricedSale s = SaleMath.price(List.of(new CartLine("A", "A", 1_000, false, 1_150, 1500, null)), null, true);
        assertThat(s.lines().get(0).taxMinor()).isEqualTo(150);
        assertThat(s.netMinor()).isEqualTo(1_000);
        assertThat(s.totalMinor()).isEqualTo(1_150);
    }

    @Test
    void saleDiscountIsSpreadByLargestRemainderAndAddsUp() {
        // 1.00 off three lines of 1.00 each: 0.33 + 0.33 + 0.34? No: remainders tie, the earlier line first → 0.34, 0.33, 0.33.
        List<CartLine> cart = List.of(new CartLine("A", "A", 1_000, false, 100, 0, null),
                new CartLine("B", "B", 1_000, false, 100, 0, null), new CartLine("C", "C", 1_000, false, 100, 0, null));
        PricedSale s = SaleMath.price(cart, Discount.amount(100, "loyalty"), false);
        assertThat(s.lines()).extracting(PricedLine::saleDiscountMinor).containsExactly(34L, 33L, 33L);
        assertThat(s.totalMinor()).isEqualTo(200);
    }

    @Test
    void lineDiscountThenTaxOnWhatIsLeft() {
        // 2 × 10.00 with 10% off = 18.00, 15% tax = 2.70, total 20.70
        PricedSale s = SaleMath.price(List.of(new CartLine("A", "A", 2_000, false, 1_000, 1500, Discount.percent(1000, "promo"))), null, false);
        PricedLine l = s.lines().get(0);
        assertThat(new long[] {l.grossMinor(), l.lineDiscountMinor(), l.netMinor(), l.taxMinor(), l.totalMinor()})
                .containsExactly(2_000, 200, 1_800, 270, 2_070);
    }

    @Test
    void returnsPriceNegativeWithTheSameRules() {
        PricedSale s = SaleMath.price(List.of(new CartLine("A", "A", -2_000, false, 1_000, 1500, Discount.percent(1000, "promo"))), null, false);
        assertThat(s.totalMinor()).isEqualTo(-2_070);
    }

    @Test
    void refusesWhatCannotBeSold() {
        assertThatThrownBy(() -> new CartLine("PEN", "Pen", 1_500, false, 150, 1500, null))
                .isInstanceOf(PricingException.class).hasMessageContaining("sold by the unit");
        assertThatThrownBy(() -> Discount.percent(10_001, "x")).hasMessageContaining("over 100%");
        assertThatThrownBy(() -> SaleMath.price(List.of(new CartLine("A", "A", 1_000, false, 100, 0, Discount.amount(150, "x"))), null, false))
                .isInstanceOf(PricingException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> Discount.amount(-1, "x")).isInstanceOf(PricingException.class);
    }
}
