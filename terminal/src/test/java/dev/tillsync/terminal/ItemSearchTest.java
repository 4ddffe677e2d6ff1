package dev.tillsync.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.support.LocalDevice;
import dev.tillsync.terminal.sync.PullApplier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PosTerminal.searchItems over a real store: the user's text matches literally, LIKE wildcards included. */
class ItemSearchTest {
    @TempDir
    Path dir;
    PosTerminal pos;

    @BeforeEach
    void setUp() {
        LocalDevice.prepare(dir);
        List<Change> extra = List.of(
                item(new ItemData("MUG-50", "Mug 50% off", List.of("5000000000001"), 500, 1500, true)),
                item(new ItemData("MUG-500", "Mug 500ml", List.of(), 700, 1500, true)),
                item(new ItemData("TEA_BAG", "Tea bag", List.of(), 50, 1500, true)),
                item(new ItemData("TEAXBAG", "Teaxbag loose", List.of(), 60, 1500, true)),
                item(new ItemData("BAKER", "Baker's dozen", List.of(), 900, 1500, true)),
                item(new ItemData("BANG", "Wow! Bar", List.of(), 90, 1500, true)),
                item(new ItemData("OLD-1", "Item retired", List.of(), 90, 1500, false)));
        try (TerminalStore store = TerminalStore.open(dir)) {
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c2", false, 0, extra), Instant.now()));
        }
        pos = PosTerminal.open(dir);
    }

    @AfterEach
    void tearDown() {
        pos.close();
    }

    private static Change item(ItemData d) {
        return LocalDevice.change(Entities.ITEM, d.code(), d);
    }

    private List<String> codes(String text, int limit) {
        return pos.searchItems(text, limit).stream().map(Item::code).toList();
    }

    @Test
    void matchesPartOfANameCaseInsensitivelyWithPriceAndStock() {
        assertThat(codes("item 1", 50)).containsExactly("ITEM-0001", "ITEM-0010");
        assertThat(codes("MUG", 50)).containsExactly("MUG-50", "MUG-500");
        Item first = pos.searchItems("item 1", 1).get(0);
        assertThat(first.code()).isEqualTo("ITEM-0001");
        assertThat(first.priceMinor()).isEqualTo(150);
        assertThat(first.localStock()).isEqualTo(100);
    }

    @Test
    void matchesByCodeAndByBarcode() {
        assertThat(codes("item-0007", 50)).containsExactly("ITEM-0007");
        assertThat(codes("4006381333931", 50)).containsExactly("ITEM-0001");
        assertThat(codes("5000000000001", 50)).containsExactly("MUG-50");
    }

    @Test
    void percentUnderscoreAndBangAreLiteral() {
        assertThat(codes("%", 50)).containsExactly("MUG-50");
        assertThat(codes("50%", 50)).containsExactly("MUG-50");
        assertThat(codes("_", 50)).containsExactly("TEA_BAG");
        assertThat(codes("tea_", 50)).containsExactly("TEA_BAG");
        assertThat(codes("!", 50)).containsExactly("BANG");
        assertThat(codes("!%", 50)).isEmpty();
    }

    @Test
    void aQuoteIsJustText() {
        assertThat(codes("'", 50)).containsExactly("BAKER");
        assertThat(codes("baker's", 50)).containsExactly("BAKER");
        assertThat(codes("' OR 1=1 --", 50)).isEmpty();
    }

    @Test
    void blankTextListsActiveItemsUpToTheLimit() {
        assertThat(codes("", 100)).hasSize(16).doesNotContain("OLD-1");
        assertThat(codes("  ", 3)).hasSize(3);
        assertThat(codes(null, 100)).hasSize(16);
    }

    @Test
    void aCartIsPricedInOneLookUpWhereAnItemCodeWinsOverABarcode() {
        pos.close();
        try (TerminalStore store = TerminalStore.open(dir)) {
            Change numeric = item(new ItemData("5000000000001", "Code that reads like MUG-50's barcode", List.of("777"), 10, 0, true));
            store.useTx(h -> new PullApplier().apply(h, new PullPage("c3", false, 0, List.of(numeric)), Instant.now()));
            List<java.util.Optional<ItemCatalog.Priced>> found = store.read(h -> ItemCatalog.pricedAll(h,
                    List.of(" MUG-500 ", "5000000000001", "777", "NOPE", "", "MUG-500")));
            assertThat(found).hasSize(6);
            assertThat(found.get(0)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("MUG-500"));
            assertThat(found.get(0).get().priceMinor()).isEqualTo(700);
            assertThat(found.get(1)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("5000000000001"));
            assertThat(found.get(2)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("5000000000001"));
            assertThat(found.get(3)).isEmpty();
            assertThat(found.get(4)).isEmpty();
            assertThat(found.get(5)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("MUG-500"));
        } finally {
            pos = PosTerminal.open(dir);
        }
    }
}
