package dev.tillsync.bench.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.invoice.InvoicePayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import dev.tillsync.terminal.Item;
import org.junit.jupiter.api.Test;

class SaleFactoryTest {
    private static List<Item> counted(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Item("ITEM-" + i, "Item " + i, List.of(), 100L + 37 * i, 1500, true, 100L)).toList();
    }

    private static final Item BANANAS = new Item("FRUIT-BANANA", "Bananas", List.of("2100042"), 249, 0, true, 80L, "kg", false);

    @Test
    void theLastLineIsWeighedWhenTheCatalogueHasAMeasuredItem() {
        List<Item> items = new ArrayList<>(counted(20));
        items.add(BANANAS);
        SaleFactory f = new SaleFactory(items, 1);
        assertThat(f.weighs()).isTrue();
        for (int n = 0; n < 500; n++) {
            SaleFactory.Basket b = f.next();
            assertThat(b.items()).hasSize(SaleFactory.LINES).doesNotHaveDuplicates();
            assertThat(b.items().getLast()).isEqualTo(BANANAS);
            assertThat(b.qtyMilli().getLast()).isBetween(250L, 2999L);
            for (int i = 0; i < SaleFactory.LINES - 1; i++) {
                assertThat(b.items().get(i).measured()).isFalse();
                assertThat(b.qtyMilli().get(i)).isIn(1000L, 2000L, 3000L);
            }
            InvoicePayload inv = b.invoice("T-1", Instant.EPOCH, "c@x", "shift", "plk", false);
            assertThat(inv.lines().getLast().quantityMilli()).isEqualTo(b.qtyMilli().getLast());
            assertThat(inv.lines().getLast().unit()).isEqualTo("kg");
            assertThat(b.request().items().getLast().qtyMilli()).isEqualTo(b.qtyMilli().getLast());
        }
    }

    @Test
    void theSameSeedGivesTheSameBaskets() {
        List<Item> items = new ArrayList<>(counted(20));
        items.add(BANANAS);
        SaleFactory a = new SaleFactory(items, 42), b = new SaleFactory(items, 42);
        for (int n = 0; n < 50; n++) assertThat(a.next()).isEqualTo(b.next());
    }

    @Test
    void aCatalogueWithoutMeasuredItemsCountsEveryLine() {
        SaleFactory f = new SaleFactory(counted(10), 3);
        assertThat(f.weighs()).isFalse();
        for (int n = 0; n < 100; n++) {
            SaleFactory.Basket b = f.next();
            assertThat(b.items()).hasSize(SaleFactory.LINES).doesNotHaveDuplicates();
            assertThat(b.qtyMilli()).allMatch(q -> q == 1000L || q == 2000L || q == 3000L);
        }
    }

    @Test
    void tooFewCountedItemsAreRefused() {
        List<Item> items = new ArrayList<>(counted(3));
        items.add(BANANAS);
        assertThatThrownBy(() -> new SaleFactory(items, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole-unit");
    }
}
