package dev.tillsync.desktop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartAndPaymentTest {
    private static final Item PEN = new Item("ITEM-0001", "Ballpoint Pen Blue", List.of("4006381333931"), 150, 1500, true, 10L);
    private static final Item BREAD = new Item("ITEM-0002", "White Bread", List.of(), 245, 0, true, 5L);

    private static final Item BANANA = new Item("FRUIT-BANANA", "Banana", List.of(), 400, 0, true, null, "kg", false);

    @Test
    void scanningTheSameUnitItemAddsToItsLineAndAMeasuredItemGetsItsOwn() {
        Cart cart = new Cart();
        cart.add(PEN);
        cart.add(BREAD);
        cart.add(PEN);
        cart.add(BANANA, 1250);
        cart.add(BANANA, 500);
        assertThat(cart.saleItems()).containsExactly(new SaleItem("ITEM-0001", 2), new SaleItem("ITEM-0002", 1),
                new SaleItem("FRUIT-BANANA", 1250L, null), new SaleItem("FRUIT-BANANA", 500L, null));
        assertThat(cart.lines().get(2).qtyText()).isEqualTo("1.250 kg");
        assertThat(cart.lines().get(0).qtyText()).isEqualTo("2");
        assertThat(cart.lines().get(0).totalMinor()).as("no figure before the engine's quote").isNull();
        cart.setDiscount(0, dev.tillsync.core.pricing.Discount.percent(1000, "loyal"));
        cart.add(PEN);
        assertThat(cart.lines()).as("a discounted line keeps its quantity; the next pen gets a line").hasSize(5);
        cart.remove(4);
        cart.clear();
        assertThat(cart.isEmpty()).isTrue();
    }

    @Test
    void cashMayExceedTheTotalAndGivesChangeButCardMayNot() {
        PaymentModel pay = new PaymentModel(1725);
        assertThatThrownBy(() -> pay.add(new Tender("Card", 2000, "SLIP-1"))).hasMessageContaining("change is only given in cash");
        pay.add(new Tender("Card", 1000, "SLIP-1"));
        assertThat(pay.remainingMinor()).isEqualTo(725);
        assertThat(pay.fullyPaid()).isFalse();
        pay.add(new Tender("Cash", 1000, null));
        assertThat(pay.fullyPaid()).isTrue();
        assertThat(pay.changeMinor()).isEqualTo(275);
        assertThat(pay.payments()).extracting(p -> p.mode() + ":" + p.amountMinor() + ":" + p.reference())
                .containsExactly("Card:1000:SLIP-1", "Cash:1000:null");
        assertThatThrownBy(() -> pay.add(new Tender("Cash", 100, null))).hasMessageContaining("already fully paid");
        assertThatThrownBy(() -> new PaymentModel(100).add(new Tender("Cash", 0, null))).hasMessageContaining("above zero");
    }

    @Test
    void aReferenceIsAskedOnlyWhenThePaymentModeRequiresIt() {
        PaymentModel pay = new PaymentModel(1725);
        pay.add(new Tender("Card", 700, null), false);
        assertThatThrownBy(() -> pay.add(new Tender("Card", 500, " "), true))
                .hasMessage("Enter the Card reference (slip number): this payment mode requires it.");
        assertThat(pay.paidMinor()).as("a refused tender is not taken").isEqualTo(700);
        pay.add(new Tender("Card", 500, "SLIP-1"), true);
        assertThat(pay.payments()).extracting(p -> p.reference()).containsExactly(null, "SLIP-1");
    }

    @Test
    void quickCashOffersTheNextRoundNotesAboveWhatIsDue() {
        assertThat(QuickCash.notes(6102, 3)).containsExactly(6500L, 7000L, 8000L);
        assertThat(QuickCash.notes(7000, 3)).as("never the exact amount: that is its own button").containsExactly(7500L, 8000L, 10000L);
        assertThat(QuickCash.notes(345, 3)).containsExactly(500L, 1000L, 2000L);
        assertThat(QuickCash.notes(0, 3)).isEmpty();
    }

    @Test
    void cashIsRoundedByTheProfilesIncrementAsCoreRoundsIt() {
        PaymentModel pay = new PaymentModel(1722, 5);
        assertThat(pay.cashRemainingMinor()).isEqualTo(1720);
        assertThat(pay.remainingMinor()).as("exact for a card").isEqualTo(1722);
        pay.add(new Tender("Card", 1000, null));
        assertThat(pay.cashRemainingMinor()).as("the cash part 7.22 rounds to 7.20").isEqualTo(720);
        pay.add(new Tender("Cash", 1000, null));
        assertThat(pay.fullyPaid()).isTrue();
        assertThat(pay.changeMinor()).isEqualTo(280);
        assertThat(pay.roundingMinor()).isEqualTo(-2);
    }

    @Test
    void aTypedWeightHasUpToThreeDecimalsAndIsAboveZero() {
        assertThat(QuantityDialog.parse("1.250", true, "kg")).isEqualTo(1250);
        assertThat(QuantityDialog.parse("0,5", true, "kg")).isEqualTo(500);
        assertThatThrownBy(() -> QuantityDialog.parse("0", true, "kg")).hasMessageContaining("above zero");
        assertThatThrownBy(() -> QuantityDialog.parse("-1", true, "kg")).hasMessageContaining("above zero");
        assertThatThrownBy(() -> QuantityDialog.parse("1.2345", true, "kg")).hasMessageContaining("up to 3 decimals");
        assertThatThrownBy(() -> QuantityDialog.parse("1.5", false, "unit")).hasMessageContaining("whole number");
    }

    @Test
    void aTypedQuantityIsAWholeNumberOfAtLeastOne() {
        assertThat(QuantityDialog.parse(" 12 ")).isEqualTo(12);
        assertThatThrownBy(() -> QuantityDialog.parse("abc")).hasMessage("'abc' is not a quantity: type a whole number such as 3.");
        assertThatThrownBy(() -> QuantityDialog.parse("1.5")).hasMessageContaining("is not a quantity");
        assertThatThrownBy(() -> QuantityDialog.parse("0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QuantityDialog.parse("-2")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QuantityDialog.parse("100000")).hasMessageContaining("99999 at most");
    }

    @Test
    void typedAmountsAreParsedOrRefusedClearly() {
        assertThat(MoneyText.parse("12,5")).isEqualTo(1250);
        assertThat(MoneyText.parse(" 3 ")).isEqualTo(300);
        assertThatThrownBy(() -> MoneyText.parse("1.234")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> MoneyText.parse("abc")).hasMessageContaining("is not an amount");
    }
}
