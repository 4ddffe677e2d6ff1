package dev.tillsync.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoiceCheck;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.pricing.CashRounding;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricingException;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.receipt.PaperWidth;
import dev.tillsync.terminal.receipt.Receipt;
import dev.tillsync.terminal.receipt.ReceiptText;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's agreement property: for 100,000 random carts (1-30 lines, measured and whole units, line and sale discounts
 * as percentages and amounts, a walk-in on the profile's list before tax or a customer on a tax-inclusive list, several
 * tax rates, cash with rounding, card, split payments) the till prices each cart from its own store (CartPricer, the
 * code a sale records with), the invoice survives the wire, the server's check (PricedInvoiceCheck, what ingest runs)
 * finds nothing to refuse, the lines add up to the totals, and the receipt prints exactly the invoice's figures.
 */
class TillServerReceiptAgreementPropertyTest {
    static final int CARTS = 100_000;
    static final int[] RATES = {0, 500, 700, 1000, 1500, 2000};
    static final String[] UNITS = {"unit", "unit", "unit", "kg", "g", "l", "m"};

    @TempDir
    Path dir;

    @Test
    void tillServerAndReceiptAgreeToTheMinorUnit() throws Exception {
        LocalDevice.prepare(dir);
        ProfileData profile = new ProfileData("Main Store", "Main", "Standard Selling", List.of("Cash", "Card"), "VAT", "Demo Shop", "Thanks", "pk-1",
                List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false), new PaymentModeData("Card", PaymentModeData.CARD, false, false)),
                "USD", 2, 5, 1000, "Demo Shop", "300000000000003", 60, false, null);
        SplittableRandom r = new SplittableRandom(20261203);
        List<Change> changes = new ArrayList<>();
        changes.add(LocalDevice.change(Entities.PROFILE, "Main Store", profile));
        int items = 60;
        String[] units = new String[items];
        for (int i = 0; i < items; i++) {
            String code = String.format("P-%03d", i);
            units[i] = UNITS[r.nextInt(UNITS.length)];
            int rate = RATES[r.nextInt(RATES.length)];
            changes.add(LocalDevice.change(Entities.ITEM, code, new ItemData(code, "Product " + i, List.of(), 1 + r.nextInt(r.nextBoolean() ? 500 : 50_000),
                    rate, true, units[i], null, null, "Standard Selling", false)));
            changes.add(LocalDevice.change(Entities.ITEM, "Trade/" + code, new ItemData(code, "Product " + i, List.of(), 1 + r.nextInt(60_000),
                    rate, true, units[i], null, null, "Trade", true)));
        }
        changes.add(LocalDevice.change(Entities.CUSTOMER, "CUST-T", new CustomerData("CUST-T", "Trade Customer", null, null, null, "Trade")));
        try (TerminalStore store = TerminalStore.open(dir)) {
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c9", false, 0, changes), Instant.now()));
            Predicate<Payment> isCash = CartPricer.isCash(profile);
            var json = Json.mapper();
            int done = 0, refused = 0, inclusive = 0, rounded = 0, discounted = 0;
            while (done + refused < CARTS) {
                int batch = Math.min(2_000, CARTS - done - refused);
                int[] counts = store.inTx(h -> {
                    int ok = 0, no = 0, incl = 0, round = 0, disc = 0;
                    for (int k = 0; k < batch; k++) {
                        List<SaleItem> cart = new ArrayList<>();
                        int n = 1 + r.nextInt(30);
                        for (int j = 0; j < n; j++) {
                            int i = r.nextInt(items);
                            boolean measured = !units[i].equals("unit");
                            long qty = measured ? 1 + r.nextInt(5_000) : 1000L * (1 + r.nextInt(5));
                            Discount d = switch (r.nextInt(6)) {
                                case 0 -> Discount.percent(1 + r.nextInt(10_000), "promo");
                                case 1 -> Discount.amount(r.nextInt(200), "damaged");
                                default -> null;
                            };
                            cart.add(new SaleItem(String.format("P-%03d", i), qty, d));
                        }
                        Discount sale = switch (r.nextInt(5)) {
                            case 0 -> Discount.percent(1 + r.nextInt(3_000), "loyalty");
                            case 1 -> Discount.amount(r.nextInt(300), "round down");
                            default -> null;
                        };
                        String customer = r.nextInt(3) == 0 ? "CUST-T" : null;
                        CartPricer.Priced priced;
                        try {
                            priced = CartPricer.price(h, profile, cart, sale, customer);
                        } catch (TerminalException | PricingException tooMuch) {
                            no++; // a discount over its line or the sale: refused at the till, as it must be
                            continue;
                        }
                        long total = priced.sale().totalMinor();
                        List<Payment> pays = payments(r, total);
                        InvoicePayload inv = SaleRecorder.invoice(new InvoiceHeader("POS-0001-" + k, Instant.parse("2026-12-03T10:00:00Z"), customer,
                                "amira@demo.shop", "shift-1", true, null, "pk-1"), priced.sale(), priced.units(), pays, profile, isCash);
                        InvoicePayload wire = overTheWire(json, inv);
                        assertThat(wire).isEqualTo(inv);
                        PricedInvoiceCheck.Result server = PricedInvoiceCheck.check(wire, profile.cashRoundingMinor(), isCash);
                        assertThat(server.problems()).as("server's check of %s", wire).isEmpty();
                        addsUp(wire);
                        receiptShows(wire);
                        ok++;
                        if (Boolean.TRUE.equals(wire.pricesIncludeTax())) incl++;
                        if (wire.roundingMinor() != null && wire.roundingMinor() != 0) round++;
                        if (wire.discountMinor() != null && wire.discountMinor() != 0) disc++;
                    }
                    return new int[] {ok, no, incl, round, disc};
                });
                done += counts[0];
                refused += counts[1];
                inclusive += counts[2];
                rounded += counts[3];
                discounted += counts[4];
            }
            // The generator must reach every path it claims to, and refusals must stay the exception.
            assertThat(done).isGreaterThan(CARTS * 7 / 10);
            assertThat(inclusive).isGreaterThan(done / 5);
            assertThat(rounded).isGreaterThan(done / 5);
            assertThat(discounted).isGreaterThan(done / 2);
        }
    }

    static InvoicePayload overTheWire(com.fasterxml.jackson.databind.ObjectMapper json, InvoicePayload inv) {
        try {
            return json.readValue(json.writeValueAsBytes(inv), InvoicePayload.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("the invoice does not survive its JSON", e);
        }
    }

    /** Cash alone (rounded, maybe over-tendered), card alone, or card for part and cash for the rest. */
    static List<Payment> payments(SplittableRandom r, long total) {
        if (total == 0) return List.of(); // everything discounted: nothing to pay
        switch (r.nextInt(3)) {
            case 0: {
                long due = Math.max(5, total + CashRounding.adjustment(total, 5)); // 0.01 rounds to nothing: a coin, all change
                return List.of(new Payment("Cash", due + (r.nextBoolean() ? 0 : r.nextInt(2_000)), null));
            }
            case 1:
                return List.of(new Payment("Card", total, "SLIP-" + r.nextInt(1000)));
            default: {
                long card = total <= 1 ? total : 1 + r.nextLong(total);
                long rest = total - card;
                if (rest == 0) return List.of(new Payment("Card", card, null));
                long due = rest + CashRounding.adjustment(rest, 5);
                if (due <= 0) return List.of(new Payment("Card", total, null)); // the rest rounds to nothing: all on the card
                return List.of(new Payment("Card", card, null), new Payment("Cash", due + r.nextInt(500), null));
            }
        }
    }

    static void addsUp(InvoicePayload inv) {
        long net = 0, tax = 0, total = 0, discount = 0;
        for (InvoiceLine l : inv.lines()) {
            assertThat(l.netMinor() + l.taxMinor()).isEqualTo(l.totalMinor());
            assertThat(l.grossMinor() - l.lineDiscountMinor() - l.saleDiscountMinor())
                    .isEqualTo(Boolean.TRUE.equals(inv.pricesIncludeTax()) ? l.totalMinor() : l.netMinor());
            assertThat(l.grossMinor()).isEqualTo(SaleMath.gross(l.qtyMilli(), l.rateMinor()));
            net += l.netMinor();
            tax += l.taxMinor();
            total += l.totalMinor();
            discount += l.lineDiscountMinor() + l.saleDiscountMinor();
        }
        assertThat(new long[] {net, tax, total, discount})
                .containsExactly(inv.netTotalMinor(), inv.taxTotalMinor(), inv.grandTotalMinor(), inv.discountMinor());
        long paid = inv.payments().stream().mapToLong(Payment::amountMinor).sum();
        assertThat(paid - inv.changeMinor()).isEqualTo(inv.grandTotalMinor() + inv.roundingMinor());
    }

    /** The right-hand column of the receipt, top to bottom, is exactly the invoice's figures in their places. */
    static void receiptShows(InvoicePayload inv) {
        Receipt receipt = ReceiptText.lines(inv, new ReceiptText.Context("POS-0001", "Demo Shop", "Thanks", false, "Demo Shop",
                "300000000000003", "USD", 2, PaperWidth.DEFAULT, Map.of()));
        List<String> printed = new ArrayList<>();
        for (ReceiptText.Line l : receipt.lines()) if (l.right() != null && !l.rule()) printed.add(l.right());
        List<String> expected = new ArrayList<>();
        for (InvoiceLine l : inv.lines()) {
            expected.add(money(l.totalMinor()));
            long off = l.lineDiscountMinor() + l.saleDiscountMinor();
            if (off != 0) expected.add(money(-off));
        }
        expected.add(money(inv.netTotalMinor()));
        expected.add(money(inv.taxTotalMinor()));
        expected.add(money(inv.grandTotalMinor()));
        if (inv.roundingMinor() != 0) expected.add(money(inv.roundingMinor()));
        for (Payment p : inv.payments()) expected.add(money(p.amountMinor()));
        if (inv.changeMinor() > 0) expected.add(money(inv.changeMinor()));
        assertThat(printed).as("receipt of %s", inv.number()).containsExactlyElementsOf(expected);
    }

    static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
