package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.money.Money;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void parsesAndFormats() {
        assertThat(Money.parse("12.5")).isEqualTo(1250);
        assertThat(Money.parse("12")).isEqualTo(1200);
        assertThat(Money.format(-1205)).isEqualTo("-12.05");
        assertThatThrownBy(() -> Money.parse("1.005")).hasMessageContaining("decimals");
        assertThatThrownBy(() -> Money.parse("NaN")).hasMessageContaining("not an amount");
    }

    @Test
    void numberingSeries() {
        NumberingSeries s = NumberingSeries.invoices("POS-0007-");
        assertThat(s.format(123)).isEqualTo("POS-0007-000123");
        assertThat(s.contains("POS-0007-000123")).isTrue();
        assertThat(s.contains("POS-0008-000123")).isFalse();
        assertThat(s.contains("POS-0007-12a")).isFalse();
    }
}
