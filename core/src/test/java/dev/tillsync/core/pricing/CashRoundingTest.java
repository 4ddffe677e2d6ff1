package dev.tillsync.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CashRoundingTest {
    @Test
    void roundsCashDueToTheNearestIncrementHalfWayUp() {
        assertThat(CashRounding.adjustment(1_001, 5)).isEqualTo(-1);   // 10.01 → 10.00
        assertThat(CashRounding.adjustment(1_002, 5)).isEqualTo(-2);   // 10.02 → 10.00
        assertThat(CashRounding.adjustment(1_003, 5)).isEqualTo(2);    // 10.03 → 10.05
        assertThat(CashRounding.adjustment(1_025, 10)).isEqualTo(5);   // half way → up
        assertThat(CashRounding.adjustment(1_000, 5)).isZero();
        assertThat(CashRounding.adjustment(-1_003, 5)).isEqualTo(-2);  // a cash refund of 10.03 pays out 10.05
        assertThat(CashRounding.adjustment(1_003, 0)).isZero();
    }

    @Test
    void refusesANegativeIncrement() {
        assertThatThrownBy(() -> CashRounding.adjustment(100, -5)).isInstanceOf(PricingException.class);
    }
}
