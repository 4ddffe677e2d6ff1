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

    @Test
    void scanningTheSameItemAddsToItsLineAndTotalsFollowInvoiceMath() {
        Cart cart = new Cart();
        cart.add(PEN);
        cart.add(BREAD);
        cart.add(PEN);
        assertThat(cart.lines()).hasSize(2);
        assertThat(cart.saleItems()).containsExactly(new SaleItem("ITEM-0001", 2), new SaleItem("ITEM-0002", 1));
        assertThat(cart.netMinor()).isEqualTo(300 + 245);
        assertThat(cart.taxMinor()).isEqualTo(45);
        assertThat(cart.grandTotalMinor()).isEqualTo(590);
        // 1 pen: 150 net, 22.5 tax rounds half-even to 22
        cart.setQty(0, 1);
        assertThat(cart.taxMinor()).isEqualTo(22);
        cart.setQty(0, 0);
        assertThat(cart.lines()).extracting(l -> l.item().code()).containsExactly("ITEM-0002");
        cart.remove(0);
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
    void typedAmountsAreParsedOrRefusedClearly() {
        assertThat(MoneyText.parse("12,5")).isEqualTo(1250);
        assertThat(MoneyText.parse(" 3 ")).isEqualTo(300);
        assertThatThrownBy(() -> MoneyText.parse("1.234")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> MoneyText.parse("abc")).hasMessageContaining("is not an amount");
    }
}
