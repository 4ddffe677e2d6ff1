package dev.tillsync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InvoiceMathTest {

    private static InvoicePayload invoice(List<InvoiceLine> lines, List<Payment> pays, long change) {
        return new InvoicePayload("POS-1-000001", Instant.EPOCH, null, "a@b", "s", false, null, "k", lines, pays, change,
                InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), InvoiceMath.grandTotal(lines));
    }

    @Test
    void taxIsRoundedHalfEvenPerLine() {
        InvoiceLine l = InvoiceLine.of("A", "A", 1, 333, 1500); // 49.95 -> 50
        assertThat(l.taxMinor()).isEqualTo(50);
        assertThat(InvoiceLine.of("B", "B", 1, 10, 2500).taxMinor()).isEqualTo(2); // 2.5 -> 2 (half-even)
    }

    @Property(tries = 2000)
    void lineTaxIsTheDecimalRoundedHalfEven(@ForAll long net, @ForAll @IntRange(min = -100_000, max = 100_000) int bp) {
        long decimal;
        try {
            decimal = Money.round(BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(bp)).divide(BigDecimal.valueOf(10_000)));
        } catch (ArithmeticException noLongHoldsIt) {
            assertThatThrownBy(() -> InvoiceMath.lineTax(net, bp)).isInstanceOf(ArithmeticException.class);
            return;
        }
        assertThat(InvoiceMath.lineTax(net, bp)).isEqualTo(decimal);
    }

    @Property(tries = 2000)
    void lineTaxHalvesGoToEvenForSmallAmountsOfEitherSign(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long net,
                                                          @ForAll @IntRange(min = 0, max = 10_000) int bp) {
        long decimal = Money.round(BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(bp)).divide(BigDecimal.valueOf(10_000)));
        assertThat(InvoiceMath.lineTax(net, bp)).isEqualTo(decimal);
    }

    @Test
    void lineTaxAtTheEdges() {
        for (long net : new long[] {-15_000, -5_000, -2, -1, 0, 1, 2, 5_000, 15_000, 25_000, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            for (int bp : new int[] {0, 1, 2500, 5000, 10_000, 2_000_000}) {
                BigDecimal exact = BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(bp)).divide(BigDecimal.valueOf(10_000));
                if (exact.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) continue; // no long holds it either way
                assertThat(InvoiceMath.lineTax(net, bp)).as("%d x %d bp", net, bp).isEqualTo(Money.round(exact));
            }
        }
    }

    @Test
    void consistentCashSaleWithChangeHasNoProblems() {
        List<InvoiceLine> lines = List.of(InvoiceLine.of("A", "A", 2, 250, 1500), InvoiceLine.of("B", "B", 1, 199, 0));
        long total = InvoiceMath.grandTotal(lines); // 575 + 199
        InvoicePayload inv = invoice(lines, List.of(new Payment("Cash", 1000, null)), 1000 - total);
        assertThat(InvoiceMath.inconsistencies(inv)).isEmpty();
    }

    @Test
    void tamperedTotalsAndChangeFromCardAreReported() {
        List<InvoiceLine> lines = List.of(InvoiceLine.of("A", "A", 1, 1000, 0));
        InvoicePayload bad = new InvoicePayload("N", Instant.EPOCH, null, "a", "s", false, null, "k", lines,
                List.of(new Payment("Card", 1500, "x")), 500, 1000, 0, 900);
        assertThat(InvoiceMath.inconsistencies(bad))
                .anyMatch(p -> p.contains("grand total"))
                .anyMatch(p -> p.contains("exceeds the cash"));
    }

    @Test
    void zeroQuantityIsRefused() {
        InvoiceLine zero = new InvoiceLine("A", "A", 0, 100, 0, 0, 0, 0);
        assertThat(InvoiceMath.inconsistencies(invoice(List.of(zero), List.of(), 0))).anyMatch(p -> p.contains("quantity"));
    }

    @Test
    void negativeTenderOnASaleIsRefused() {
        List<InvoiceLine> lines = List.of(InvoiceLine.of("A", "A", 1, 273, 0));
        InvoicePayload inv = invoice(lines, List.of(new Payment("Cash", 373, null), new Payment("Card", -100, null)), 0);
        assertThat(InvoiceMath.inconsistencies(inv)).anyMatch(p -> p.contains("payment 2 (Card) must be positive"));
    }

    @Property(tries = 300)
    void linesBuiltByOfAreAlwaysConsistent(@ForAll @LongRange(min = 1, max = 1000) long qty,
                                           @ForAll @LongRange(min = 1, max = 10_000_000) long rate,
                                           @ForAll @IntRange(min = 0, max = 10_000) int bp) {
        List<InvoiceLine> lines = List.of(InvoiceLine.of("X", "X", qty, rate, bp));
        long total = InvoiceMath.grandTotal(lines);
        assertThat(InvoiceMath.inconsistencies(invoice(lines, List.of(new Payment("Card", total, null)), 0))).isEmpty();
    }
}
