package dev.tillsync.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReturnPricingTest {
    private static ReturnableLine line(long qtyMilli, long discountMinor) {
        return new ReturnableLine(1, "PEN", "Pen", "unit", qtyMilli, 0, 100, 1500, qtyMilli / 10, discountMinor, 0);
    }

    @Test
    void threeReturnsOfOneUnitEachCarryTheWholeDiscountBetweenThem() {
        ReturnableLine l = line(3000, 100); // 1.00 off three pens
        long a = ReturnPricing.discountFor(l, 0, 1000), b = ReturnPricing.discountFor(l, 1000, 1000), c = ReturnPricing.discountFor(l, 2000, 1000);
        assertThat(new long[] {a, b, c}).containsExactly(33, 34, 33);
        assertThat(a + b + c).isEqualTo(100);
    }

    @Test
    void anyWayOfReturningALineAddsUpToItsDiscount() {
        Random r = new Random(17);
        for (int k = 0; k < 10_000; k++) {
            long qty = 1 + r.nextInt(50_000), discount = r.nextInt(100_000);
            ReturnableLine l = line(qty, discount);
            long back = 0, sum = 0;
            while (back < qty) {
                long part = 1 + (long) r.nextInt((int) Math.min(qty - back, 20_000));
                long d = ReturnPricing.discountFor(l, back, part);
                assertThat(d).isBetween(0L, discount);
                sum += d;
                back += part;
            }
            assertThat(sum).isEqualTo(discount);
        }
    }

    @Test
    void moreThanWasSoldIsNotPriced() {
        assertThatThrownBy(() -> ReturnPricing.discountFor(line(2000, 10), 1000, 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
