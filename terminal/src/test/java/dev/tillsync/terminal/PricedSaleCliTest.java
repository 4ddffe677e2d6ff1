package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.Gtin;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.Cli;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selling the way shops sell, through the real CLI entry point on a till without a server: weighed goods, line and
 * sale discounts, tax-inclusive customer lists, cash rounding, the cashier's discount limit and a manager's approval,
 * scale labels, park / resume, voids, priced returns, and every bad input refused with nothing recorded.
 */
class PricedSaleCliTest {
    @TempDir
    Path dir;

    /** The profile of these tests: 0.05 cash rounding, a 10% cashier limit, weight labels "21" + 5 item digits + 5 digits (3 decimals). */
    static ProfileData profile(ScaleLayout layout) {
        return new ProfileData("Main Store", "Main", "Standard Selling", List.of("Cash", "Card"), "VAT 15", "Demo Shop", "Thank you", "pk-1",
                List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false), new PaymentModeData("Card", PaymentModeData.CARD, false, false)),
                "USD", 2, 5, 1000, "Demo Shop", null, 60, false, layout);
    }

    static final ScaleLayout WEIGHT = new ScaleLayout("21", 5, 5, 3, ScaleLayout.WEIGHT);
    static final ScaleLayout PRICE = new ScaleLayout("21", 5, 5, 2, ScaleLayout.PRICE);

    static ItemData item(String code, List<String> barcodes, long price, String unit, String list, boolean inclusive) {
        return new ItemData(code, "Item " + code, barcodes, price, 1500, true, unit, "Food", "VAT 15%", list, inclusive);
    }

    void apply(Change... changes) {
        try (TerminalStore s = TerminalStore.open(dir)) {
            s.useTx(h -> new PullApplier().apply(h, new PullPage("c9", false, 0, List.of(changes), null), Instant.now()));
        }
    }

    @BeforeEach
    void till() {
        LocalDevice.prepare(dir);
        apply(LocalDevice.change(Entities.PROFILE, "Main Store", profile(WEIGHT)),
                LocalDevice.change(Entities.ITEM, "FRUIT-BANANA", item("FRUIT-BANANA", List.of("2100042"), 400, "kg", "Standard Selling", false)),
                LocalDevice.change(Entities.STOCK, "FRUIT-BANANA", StockLevel.ofMilli("FRUIT-BANANA", "Main", 20_000)),
                LocalDevice.change(Entities.ITEM, "SAFFRON", item("SAFFRON", List.of("2100077"), 500_000, "kg", "Standard Selling", false)),
                LocalDevice.change(Entities.ITEM, "JAR", item("JAR", List.of("2100055"), 300, "unit", "Standard Selling", false)),
                // ITEM-0005 on the trade list, tax included: 11.50 a piece
                LocalDevice.change(Entities.ITEM, "Trade/ITEM-0005", item("ITEM-0005", List.of(), 1150, "unit", "Trade", true)),
                LocalDevice.change(Entities.CUSTOMER, "CUST-T", new CustomerData("CUST-T", "Trade Customer", null, null, null, "Trade")));
        try (PosTerminal pos = PosTerminal.open(dir)) {
            pos.login("amira@demo.shop", "1234");
            pos.openShift(0, null);
        }
    }

    static String label(String twelve) {
        return twelve + Gtin.checkDigit(twelve);
    }

    Cli.Run sell(String... args) {
        List<String> all = new ArrayList<>(List.of("sell", "--json"));
        all.addAll(List.of(args));
        return Cli.run(dir, all.toArray(String[]::new));
    }

    JsonNode sold(String... args) {
        Cli.Run r = sell(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    void refused(String code, String message, String... args) {
        int before = invoices();
        Cli.Run r = sell(args);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.err()).startsWith("error [" + code + "]").contains(message);
        assertThat(invoices()).as("nothing recorded").isEqualTo(before);
    }

    int invoices() {
        return Cli.run(dir, "history", "--json", "--invoices").json().size();
    }

    @Test
    void aWeighedLineIsQuantityInThousandthsTimesThePricePerKg() {
        JsonNode inv = sold("--item", "FRUIT-BANANA:1.250", "--pay", "Card:5.75");
        JsonNode line = inv.get("lines").get(0);
        assertThat(line.get("qtyMilli").asLong()).isEqualTo(1250);
        assertThat(line.get("unit").asText()).isEqualTo("kg");
        assertThat(line.get("grossMinor").asLong()).isEqualTo(500);
        assertThat(line.get("taxMinor").asLong()).isEqualTo(75);
        assertThat(inv.get("grandTotalMinor").asLong()).isEqualTo(575);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            Item banana = pos.findItem("FRUIT-BANANA").orElseThrow();
            assertThat(banana.localStockMilli()).as("stock moves in thousandths").isEqualTo(18_750);
        }
    }

    @Test
    void lineDiscountsAsAPercentageAndAsAnAmountReduceTheTaxedAmount() {
        JsonNode inv = sold("--item", "ITEM-0002:3:10%", "--item", "ITEM-0003:1:0.30", "--discount-reason", "damaged box", "--pay", "Card:9.31");
        JsonNode pct = inv.get("lines").get(0), amt = inv.get("lines").get(1);
        assertThat(pct.get("grossMinor").asLong()).isEqualTo(600);
        assertThat(pct.get("lineDiscountMinor").asLong()).isEqualTo(60);
        assertThat(pct.get("discount").get("kind").asText()).isEqualTo("PERCENT");
        assertThat(pct.get("discount").get("value").asLong()).isEqualTo(1000);
        assertThat(pct.get("discount").get("reason").asText()).isEqualTo("damaged box");
        assertThat(pct.get("netMinor").asLong()).isEqualTo(540);
        assertThat(pct.get("taxMinor").asLong()).isEqualTo(81);
        assertThat(amt.get("lineDiscountMinor").asLong()).isEqualTo(30);
        assertThat(amt.get("taxMinor").asLong()).isEqualTo(40); // 15% of 2.70 = 0.405, half-even to 0.40
        assertThat(inv.get("discountMinor").asLong()).isEqualTo(90);
        assertThat(inv.get("grandTotalMinor").asLong()).isEqualTo(621 + 310);
    }

    @Test
    void aSaleDiscountIsSpreadOverTheLinesByLargestRemainder() {
        JsonNode inv = sold("--item", "ITEM-0002", "--item", "ITEM-0003", "--item", "ITEM-0004", "--discount", "0.50", "--pay", "Card:9.77");
        // 0.50 over 2.00, 3.00, 4.00: 0.1111, 0.1667, 0.2222 → 11, 16, 22 and the one left over to the largest remainder
        assertThat(inv.get("lines").findValuesAsText("saleDiscountMinor")).containsExactly("11", "17", "22");
        assertThat(inv.get("saleDiscount").get("kind").asText()).isEqualTo("AMOUNT");
        assertThat(inv.get("netTotalMinor").asLong()).isEqualTo(850);
        assertThat(inv.get("taxTotalMinor").asLong()).isEqualTo(127); // 28 + 42 + 57, each line rounded (0.2835, 0.4245, 0.567)
        assertThat(inv.get("grandTotalMinor").asLong()).isEqualTo(977);
    }

    @Test
    void aCustomerOnATaxInclusiveListPaysTheShelfPriceAndTheTaxIsTakenOutOfIt() {
        JsonNode inv = sold("--item", "ITEM-0005", "--customer", "CUST-T", "--pay", "Card:11.50");
        assertThat(inv.get("pricesIncludeTax").asBoolean()).isTrue();
        assertThat(inv.get("lines").get(0).get("rateMinor").asLong()).isEqualTo(1150);
        assertThat(inv.get("taxTotalMinor").asLong()).isEqualTo(150);
        assertThat(inv.get("netTotalMinor").asLong()).isEqualTo(1000);
        assertThat(inv.get("grandTotalMinor").asLong()).isEqualTo(1150);
        // a walk-in pays the profile's price before tax: 5.00 + 15%
        assertThat(sold("--item", "ITEM-0005", "--pay", "Card:5.75").get("grandTotalMinor").asLong()).isEqualTo(575);
        // an item without a price on the inclusive list cannot share the invoice: one invoice has one tax flag
        refused("mixed_price_lists", "ITEM-0001 has no price on it", "--item", "ITEM-0005", "--item", "ITEM-0001", "--customer", "CUST-T",
                "--pay", "Card:20.00");
        try (PosTerminal pos = PosTerminal.open(dir)) {
            CartQuote q = pos.quote(List.of(SaleItem.units("ITEM-0005", 2)), null, "CUST-T");
            assertThat(q.customerPriceList()).isEqualTo("Trade");
            assertThat(q.totalMinor()).isEqualTo(2300);
            assertThat(q.taxMinor()).isEqualTo(300);
            assertThat(q.notes()).containsExactly("Priced on customer CUST-T's price list Trade.");
        }
    }

    @Test
    void cashIsRoundedToTheProfilesIncrementAndACardIsNot() {
        // 1.50 + 15% = 1.725 → 1.72 (half-even); in cash it rounds to 1.70, the rounding its own figure
        JsonNode cash = sold("--item", "ITEM-0001", "--pay", "Cash:2.00");
        assertThat(cash.get("grandTotalMinor").asLong()).isEqualTo(172);
        assertThat(cash.get("roundingMinor").asLong()).isEqualTo(-2);
        assertThat(cash.get("changeMinor").asLong()).isEqualTo(30);
        JsonNode card = sold("--item", "ITEM-0001", "--pay", "Card:1.72");
        assertThat(card.get("roundingMinor").asLong()).isZero();
        assertThat(card.get("changeMinor").asLong()).isZero();
        refused("underpaid", "less than the total 1.70", "--item", "ITEM-0001", "--pay", "Cash:1.65");
        try (PosTerminal pos = PosTerminal.open(dir)) {
            CartQuote q = pos.quote(List.of(SaleItem.units("ITEM-0001", 1)), null, null);
            assertThat(q.totalMinor()).isEqualTo(172);
            assertThat(q.cashRoundingMinor()).isEqualTo(-2);
            assertThat(q.cashDueMinor()).isEqualTo(170);
        }
        JsonNode history = Cli.run(dir, "history", "--json", "--invoices").json();
        assertThat(history.get(1).get("roundingMinor").asLong()).isEqualTo(-2);
        assertThat(history.get(1).get("invoice").get("roundingMinor").asLong()).isEqualTo(-2);
    }

    @Test
    void aDiscountOverTheCashiersLimitNeedsAManagersPin() {
        refused("approval_needed", "Discount of 25% on ITEM-0002 is over the 10% a cashier may give: a manager approves with their PIN"
                + " (--approve EMAIL:PIN)", "--item", "ITEM-0002:1:25%", "--pay", "Card:1.73");
        refused("not_permitted", "needs the 'can_configure_pos' flag", "--item", "ITEM-0002:1:25%", "--pay", "Card:1.73",
                "--approve", "ben@demo.shop:5678");
        refused("wrong_pin", "Wrong PIN for amira@demo.shop (4 tries left", "--item", "ITEM-0002:1:25%", "--pay", "Card:1.73",
                "--approve", "amira@demo.shop:9999");
        JsonNode inv = sold("--item", "ITEM-0002:1:25%", "--item", "ITEM-0003:1:5%", "--pay", "Card:5.00", "--approve", "amira@demo.shop:1234");
        assertThat(inv.get("lines").get(0).get("discount").get("approvedBy").asText()).isEqualTo("amira@demo.shop");
        JsonNode within = inv.get("lines").get(1).get("discount").path("approvedBy");
        assertThat(within.isNull() || within.isMissingNode()).as("within the limit: no approval needed").isTrue();
        try (PosTerminal pos = PosTerminal.open(dir)) {
            assertThat(pos.events(20)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("discount_approved");
                assertThat(e.ref()).isEqualTo(inv.get("number").asText());
                assertThat(e.detail()).isEqualTo("by amira@demo.shop: line 1 (ITEM-0002) 25%");
            });
            assertThat(pos.events(20)).anySatisfy(e -> assertThat(e.type()).isEqualTo("login_failed"));
            CartQuote q = pos.quote(List.of(new SaleItem("ITEM-0002", 1000L, SaleItem.discount("25%", "x", "ITEM-0002"))),
                    SaleItem.discount("12%", "x", "the sale"), null);
            assertThat(q.approvalNeeded()).isTrue();
            assertThat(q.approvalReasons()).containsExactly("Discount of 25% on ITEM-0002 is over the 10% a cashier may give",
                    "Discount of 12% on the sale is over the 10% a cashier may give");
        }
    }

    @Test
    void aWeightLabelGivesTheQuantityAndAPriceLabelTheLinesAmount() {
        String weighed = label("21" + "00042" + "01250"); // 1.250 kg of FRUIT-BANANA
        JsonNode inv = sold("--item", weighed, "--pay", "Card:5.75");
        assertThat(inv.get("lines").get(0).get("itemCode").asText()).isEqualTo("FRUIT-BANANA");
        assertThat(inv.get("lines").get(0).get("qtyMilli").asLong()).isEqualTo(1250);
        assertThat(inv.get("lines").get(0).get("grossMinor").asLong()).isEqualTo(500);
        try (PosTerminal pos = PosTerminal.open(dir)) {
            ScannedItem s = pos.scan(weighed);
            assertThat(s.item().code()).isEqualTo("FRUIT-BANANA");
            assertThat(s.qtyMilli()).isEqualTo(1250L);
            assertThat(pos.scan("ITEM-0001").qtyMilli()).isNull();
        }
        refused("bad_scale_label", "gives a weight, but JAR is sold by the unit", "--item", label("21" + "00055" + "01000"), "--pay", "Card:5");

        apply(LocalDevice.change(Entities.PROFILE, "Main Store", profile(PRICE)));
        JsonNode byPrice = sold("--item", label("21" + "00042" + "00500"), "--pay", "Card:5.75"); // 5.00 of bananas at 4.00/kg
        assertThat(byPrice.get("lines").get(0).get("qtyMilli").asLong()).isEqualTo(1250);
        assertThat(byPrice.get("lines").get(0).get("grossMinor").asLong()).isEqualTo(500);
        // 0.01 of saffron at 5000.00/kg is no quantity in thousandths: refused, never guessed
        refused("bad_scale_label", "does not come to for any quantity", "--item", label("21" + "00077" + "00001"), "--pay", "Card:5");
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingRecorded() {
        refused("bad_discount", "over 100%", "--item", "ITEM-0001:1:150%", "--pay", "Card:5");
        refused("bad_discount", "A discount of 5.00 on ITEM-0001 is more than the line's 1.50", "--item", "ITEM-0001:1:5.00", "--pay", "Card:5");
        refused("bad_discount", "The sale discount cannot be applied", "--item", "ITEM-0001", "--discount", "2.00", "--pay", "Card:5",
                "--approve", "amira@demo.shop:1234");
        refused("bad_quantity", "cannot be negative on a sale", "--item", "FRUIT-BANANA:-1.000", "--pay", "Card:5");
        refused("bad_quantity", "A quantity of 0 kg of FRUIT-BANANA cannot be sold", "--item", "FRUIT-BANANA:0", "--pay", "Card:5");
        refused("bad_quantity", "ITEM-0001 is sold by the unit; a quantity of 1.5 is not a whole number", "--item", "ITEM-0001:1.5", "--pay", "Card:5");
        String good = "21" + "00042" + "01250";
        char wrong = (char) ('0' + (Gtin.checkDigit(good) - '0' + 1) % 10);
        refused("bad_scale_label", "has a wrong check digit", "--item", good + wrong, "--pay", "Card:5");
        refused("unknown_item", "is for item 2199999, which is not on this terminal", "--item", label("21" + "99999" + "01000"), "--pay", "Card:5");
        refused("bad_discount", "a percentage (10%) or an amount (1.50)", "--item", "ITEM-0001:1:ten", "--pay", "Card:5");
        assertThat(invoices()).isZero();
    }

    @Test
    void parkedCartsSurviveARestartAndResumeRecordsTheSale() {
        Cli.Run first = Cli.run(dir, "park", "--item", "FRUIT-BANANA:1.250", "--item", "ITEM-0002:2:10%", "--label", "Mrs Lee");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Parked sale 1 (Mrs Lee): 2 item(s).");
        Cli.Run second = Cli.run(dir, "park", "--item", "ITEM-0005", "--customer", "CUST-T", "--discount", "5%");
        assertThat(second.exit()).as(second.err()).isZero();
        JsonNode parked = Cli.run(dir, "parked", "--json").json(); // every Cli.run opens the store afresh: a restart
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0).get("items").get(1).get("discount").get("value").asLong()).isEqualTo(1000);
        assertThat(parked.get(1).get("customerNumber").asText()).isEqualTo("CUST-T");
        assertThat(parked.get(0).get("parkedBy").asText()).isEqualTo("amira@demo.shop");

        Cli.Run underpaid = Cli.run(dir, "resume", "2", "--pay", "Card:1.00");
        assertThat(underpaid.exit()).isEqualTo(1);
        assertThat(underpaid.err()).contains("underpaid").contains("The cart is parked again as 3.");
        Cli.Run resumed = Cli.run(dir, "resume", "3", "--pay", "Card:10.92", "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode inv = resumed.json();
        assertThat(inv.get("customerNumber").asText()).isEqualTo("CUST-T");
        assertThat(inv.get("grandTotalMinor").asLong()).isEqualTo(1092); // 11.50 less 5% (0.575, half-even 0.58), tax included
        assertThat(Cli.run(dir, "parked", "--json").json()).hasSize(1);
        Cli.Run again = Cli.run(dir, "resume", "3", "--pay", "Card:10.92");
        assertThat(again.err()).contains("unknown_parked_sale");
        assertThat(Cli.run(dir, "parked").out()).contains("Mrs Lee").contains("FRUIT-BANANA:1.25");
    }

    @Test
    void voidingALineOrASaleIsLoggedWithTheCashierAndTheReason() {
        assertThat(Cli.run(dir, "void", "--item", "ITEM-0002:2", "--reason", "customer changed mind").exit()).isZero();
        assertThat(Cli.run(dir, "void", "--sale", "--item", "ITEM-0001", "--item", "ITEM-0003", "--reason", "card declined").exit()).isZero();
        Cli.Run noReason = Cli.run(dir, "void", "--sale", "--reason", " ");
        assertThat(noReason.err()).contains("no_reason");
        try (PosTerminal pos = PosTerminal.open(dir)) {
            List<LogEntry> events = pos.events(5);
            assertThat(events.get(0).type()).isEqualTo("void_sale");
            assertThat(events.get(0).detail()).isEqualTo("cashier=amira@demo.shop items=ITEM-0001,ITEM-0003 reason=card declined");
            assertThat(events.get(1).type()).isEqualTo("void_line");
            assertThat(events.get(1).detail()).isEqualTo("cashier=amira@demo.shop item=ITEM-0002 qty=2 reason=customer changed mind");
        }
    }

    @Test
    void aReturnIsPricedAtWhatWasPaidWithItsShareOfTheDiscount() {
        JsonNode sale = sold("--item", "ITEM-0002:3:10%", "--pay", "Card:6.21");
        String number = sale.get("number").asText();
        // one of three: 2.00 back less its share of the 0.60 discount (0.20), plus 15% tax
        Cli.Run ret = Cli.run(dir, "return", "--invoice", number, "--item", "ITEM-0002:1", "--pay", "Card:-2.07");
        assertThat(ret.exit()).as(ret.err()).isZero();
        try (PosTerminal pos = PosTerminal.open(dir)) {
            var returned = pos.history(new HistoryFilter(null, true, 1)).get(0);
            var inv = pos.recordedInvoice(returned.number());
            assertThat(inv.returnAgainst()).isEqualTo(number);
            assertThat(inv.lines().get(0).qtyMilli()).isEqualTo(-1000L);
            assertThat(inv.lines().get(0).lineDiscountMinor()).isEqualTo(-20L);
            assertThat(inv.lines().get(0).discount().value()).isEqualTo(20);
            assertThat(inv.grandTotalMinor()).isEqualTo(-207);
        }
        // the other two come back with the rest of the discount: 4.00 − 0.40, + 15%
        Cli.Run rest = Cli.run(dir, "return", "--invoice", number, "--item", "ITEM-0002:2", "--pay", "Card:-4.14");
        assertThat(rest.exit()).as(rest.err()).isZero();
        Cli.Run more = Cli.run(dir, "return", "--invoice", number, "--item", "ITEM-0002:1", "--pay", "Card:-2.07");
        assertThat(more.err()).contains("return_too_many").contains("at most 0 can come back");
    }
}
