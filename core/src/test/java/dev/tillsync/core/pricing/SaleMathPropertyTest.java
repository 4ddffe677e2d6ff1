package dev.tillsync.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * SaleMath against an independent oracle written the slow way (BigDecimal, each rule of docs/pricing.md spelled out),
 * over 100,000 random carts: 1-30 lines, measured and whole units, line and sale discounts (percent and amount),
 * inclusive and exclusive prices, several tax rates. Every figure must agree to the minor unit, and the lines must add
 * up to the totals.
 */
class SaleMathPropertyTest {
    private static final int[] RATES = {0, 500, 1000, 1500, 2000, 2500};

    record Cart(List<CartLine> lines, Discount saleDiscount, boolean inclusive) {}

    @Property(tries = 100_000, shrinking = ShrinkingMode.BOUNDED)
    void saleMathAgreesWithTheOracleAndAddsUp(@ForAll("carts") Cart cart) {
        PricedSale sale;
        try {
            sale = SaleMath.price(cart.lines(), cart.saleDiscount(), cart.inclusive());
        } catch (PricingException refused) {
            // Only an amount discount larger than what it is taken from may be refused; the oracle must agree.
            assertThat(Oracle.refuses(cart)).as(refused.getMessage()).isTrue();
            return;
        }
        assertThat(Oracle.refuses(cart)).isFalse();
        List<long[]> expected = Oracle.price(cart);
        long net = 0, tax = 0, total = 0, discounts = 0, gross = 0;
        for (int i = 0; i < sale.lines().size(); i++) {
            PricedLine l = sale.lines().get(i);
            long[] e = expected.get(i);
            assertThat(new long[] {l.grossMinor(), l.lineDiscountMinor(), l.saleDiscountMinor(), l.netMinor(), l.taxMinor(), l.totalMinor()})
                    .as("line %d of %s", i + 1, cart).containsExactly(e);
            assertThat(l.netMinor() + l.taxMinor()).isEqualTo(l.totalMinor());
            assertThat(l.netMinor()).isGreaterThanOrEqualTo(0);
            assertThat(l.taxMinor()).isGreaterThanOrEqualTo(0);
            net += l.netMinor();
            tax += l.taxMinor();
            total += l.totalMinor();
            gross += l.grossMinor();
            discounts += l.lineDiscountMinor() + l.saleDiscountMinor();
        }
        assertThat(new long[] {sale.grossMinor(), sale.discountMinor(), sale.netMinor(), sale.taxMinor(), sale.totalMinor()})
                .containsExactly(gross, discounts, net, tax, total);
        long saleShares = sale.lines().stream().mapToLong(PricedLine::saleDiscountMinor).sum();
        assertThat(saleShares).isEqualTo(Oracle.saleDiscount(cart));
        if (cart.inclusive()) assertThat(total).isEqualTo(gross - discounts);
    }

    @Provide
    Arbitrary<Cart> carts() {
        Arbitrary<CartLine> line = Combinators.combine(
                Arbitraries.integers().between(1, 9999),             // item number
                Arbitraries.of(true, false),                        // measured
                Arbitraries.longs().between(1, 50_000),              // quantity: units, or thousandths
                Arbitraries.longs().between(0, 500_000),             // shelf price, minor units
                Arbitraries.of(0, 1, 2, 3, 4, 5).map(i -> RATES[i]),
                discounts(20_000)).as((item, measured, q, rate, tax, discount) -> new CartLine("ITEM-" + item, "Item " + item,
                measured ? q : (q % 40 + 1) * 1000, measured, rate, tax, discount));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(30), discounts(100_000), Arbitraries.of(true, false))
                .as(Cart::new);
    }

    private Arbitrary<Discount> discounts(long maxAmount) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just((Discount) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 10_000).map(bp -> Discount.percent(bp, "promo"))),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, maxAmount).map(a -> Discount.amount(a, "damaged box"))));
    }

    /** The rules of docs/pricing.md written out plainly in BigDecimal, sharing no code with SaleMath. */
    static final class Oracle {
        static BigDecimal bd(long v) {
            return BigDecimal.valueOf(v);
        }

        static long off(Discount d, long base) {
            if (d == null) return 0;
            if (d.kind() == Discount.Kind.PERCENT) return bd(base).multiply(bd(d.value())).divide(bd(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
            return d.value();
        }

        static long[] afterLineDiscounts(Cart cart) {
            long[] after = new long[cart.lines().size()];
            for (int i = 0; i < after.length; i++) {
                CartLine l = cart.lines().get(i);
                long gross = bd(l.qtyMilli()).multiply(bd(l.rateMinor())).divide(bd(1000), 0, RoundingMode.HALF_EVEN).longValueExact();
                after[i] = gross - off(l.discount(), gross);
            }
            return after;
        }

        static boolean refuses(Cart cart) {
            for (CartLine l : cart.lines()) {
                long gross = bd(l.qtyMilli()).multiply(bd(l.rateMinor())).divide(bd(1000), 0, RoundingMode.HALF_EVEN).longValueExact();
                if (off(l.discount(), gross) > gross) return true;
            }
            long sum = 0;
            for (long a : afterLineDiscounts(cart)) sum += a;
            return off(cart.saleDiscount(), sum) > sum;
        }

        static long saleDiscount(Cart cart) {
            long sum = 0;
            for (long a : afterLineDiscounts(cart)) sum += a;
            return off(cart.saleDiscount(), sum);
        }

        /** Per line: gross, line discount, sale discount share, net, tax, total. */
        static List<long[]> price(Cart cart) {
            int n = cart.lines().size();
            long[] after = afterLineDiscounts(cart);
            long sum = 0;
            for (long a : after) sum += a;
            long saleOff = off(cart.saleDiscount(), sum);
            // Largest remainder, written as repeated "give one unit to the line with the largest remainder left".
            long[] share = new long[n];
            BigDecimal[] exact = new BigDecimal[n];
            long given = 0;
            for (int i = 0; i < n; i++) {
                exact[i] = sum == 0 ? BigDecimal.ZERO : bd(saleOff).multiply(bd(after[i])).divide(bd(sum), 40, RoundingMode.DOWN);
                share[i] = exact[i].setScale(0, RoundingMode.DOWN).longValueExact();
                given += share[i];
            }
            boolean[] bumped = new boolean[n];
            for (long k = given; k < saleOff; k++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (bumped[i]) continue;
                    BigDecimal r = exact[i].subtract(exact[i].setScale(0, RoundingMode.DOWN));
                    if (best < 0 || r.compareTo(exact[best].subtract(exact[best].setScale(0, RoundingMode.DOWN))) > 0) best = i;
                }
                bumped[best] = true;
                share[best]++;
            }
            List<long[]> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CartLine l = cart.lines().get(i);
                long gross = bd(l.qtyMilli()).multiply(bd(l.rateMinor())).divide(bd(1000), 0, RoundingMode.HALF_EVEN).longValueExact();
                long amount = after[i] - share[i];
                BigDecimal rate = bd(l.taxRateBp()).divide(bd(10_000));
                long net, tax, total;
                if (cart.inclusive()) {
                    tax = bd(amount).multiply(rate).divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_EVEN).longValueExact();
                    total = amount;
                    net = amount - tax;
                } else {
                    tax = bd(amount).multiply(rate).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                    net = amount;
                    total = amount + tax;
                }
                out.add(new long[] {gross, gross - after[i], share[i], net, tax, total});
            }
            return out;
        }
    }
}
