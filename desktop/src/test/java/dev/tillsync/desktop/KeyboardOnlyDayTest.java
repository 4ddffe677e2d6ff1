package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.money.Money;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import java.nio.file.Path;
import java.util.Comparator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cashier's whole day with the keyboard alone (issue 18, point 7): no click anywhere. Choose the name with the arrows
 * and type the PIN, open the shift, sell for cash, by card and split, refund a sale by typing its receipt number, park a
 * sale and resume it, close the shift with a typo, recount, and close. Each step waits for what the cashier waits for.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardOnlyDayTest {
    private static final String PEN = "4006381333931";

    private TillRig rig;
    private PosWindow window;
    private TillWindow till;
    private TillRobot t;
    private String drink;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        t = new TillRobot(dir);
        rig = new TillRig(dir);
        drink = rig.terminal.findItem("ITEM-0002").orElseThrow().barcodes().get(0);
        till = TillWindow.open(rig.terminal);
        window = till.window();
        t.scene(window.scene());
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    void aWholeDayWithTheKeyboardAlone() throws Exception {
        // log in: the arrows choose the name while the PIN field keeps the keyboard
        t.waitFor("login screen", () -> t.exists("#user-amira") && t.focused("#pinField"));
        for (int i = 0; i < 4 && !((ToggleButton) t.node("#user-amira")).isSelected(); i++) t.robot.type(KeyCode.RIGHT);
        assertThat(((ToggleButton) t.node("#user-amira")).isSelected()).as("the arrows reach amira's tile").isTrue();
        t.robot.write("1234").type(KeyCode.ENTER);
        t.waitFor("shift opening with the float focused", () -> t.exists("#openingFloat") && t.focused("#openingFloat"));
        t.robot.write("100.00").type(KeyCode.ENTER);
        t.waitFor("sale screen, scan field focused", () -> t.exists("#scanField") && t.focused("#scanField"));

        // cash: F12, F5, Enter takes the exact (rounded) amount, Enter completes, Enter starts the next sale
        t.scan(PEN);
        t.waitFor("one line", () -> cartRows() == 1);
        t.robot.type(KeyCode.F12);
        t.waitFor("payment", () -> t.exists("#payCash"));
        t.robot.type(KeyCode.F5);
        t.robot.type(KeyCode.ENTER);
        t.waitFor("paid in cash", () -> !t.node("#completeSaleButton").isDisabled());
        t.robot.type(KeyCode.ENTER);
        t.waitFor("receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("next sale", () -> !t.exists("#receiptPreview") && cartRows() == 0);
        String cashSale = lastSale();
        assertThat(rig.terminal.recordedInvoice(cashSale).payments()).singleElement().satisfies(p -> assertThat(p.mode()).isEqualTo("Cash"));

        // card: F6 pays the rest at once
        t.scan(PEN);
        t.scan(drink);
        t.waitFor("two lines", () -> cartRows() == 2);
        t.robot.type(KeyCode.F12);
        t.waitFor("payment", () -> t.exists("#payCard"));
        t.robot.type(KeyCode.F6);
        t.waitFor("paid by card", () -> !t.node("#completeSaleButton").isDisabled());
        t.robot.type(KeyCode.ENTER);
        t.waitFor("receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("next sale", () -> !t.exists("#receiptPreview") && cartRows() == 0);
        assertThat(rig.terminal.recordedInvoice(lastSale()).payments()).singleElement().satisfies(p -> assertThat(p.mode()).isEqualTo("Card"));

        // split: 10.00 on the card, the rest in cash with a quick-cash note
        t.scan("3*" + drink);
        t.waitFor("three drinks", () -> cartRows() == 1);
        t.robot.type(KeyCode.F12);
        t.waitFor("payment", () -> t.exists("#payCard") && t.exists("#cashExact"));
        t.robot.eraseText(12).write("10.00");
        t.robot.type(KeyCode.F6);
        t.waitFor("a note for the rest", () -> t.text("#cashNote1").endsWith("(F8)"));
        t.robot.type(KeyCode.F8);
        t.waitFor("paid", () -> !t.node("#completeSaleButton").isDisabled());
        t.robot.type(KeyCode.ENTER);
        t.waitFor("receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("next sale", () -> !t.exists("#receiptPreview") && cartRows() == 0);
        InvoicePayload split = rig.terminal.recordedInvoice(lastSale());
        assertThat(split.payments()).extracting(p -> p.mode()).containsExactly("Card", "Cash");

        // refund the cash sale by typing its receipt number
        t.robot.press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
        t.waitFor("refund screen waiting for the receipt", () -> t.exists("#refundInvoice") && t.focused("#refundInvoice"));
        t.scan(cashSale);
        t.waitFor("the sale's lines, first quantity focused", () -> t.exists("#returnQty-1") && t.focused("#returnQty-1"));
        t.robot.write("1");
        t.waitFor("refund figure", () -> t.text("#refundTotal").startsWith("Refund "));
        t.robot.type(KeyCode.F12);
        t.waitFor("confirmation", () -> t.exists("#refundConfirm"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("refund receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("nothing left of the sale", () -> !t.exists("#receiptPreview") && t.text("#returnLeft-1").equals("0"));
        assertThat(rig.terminal.history(new HistoryFilter(null, true, 50))).anySatisfy(e -> {
            assertThat(e.totalMinor()).isNegative();
            assertThat(rig.terminal.recordedInvoice(e.number()).returnAgainst()).isEqualTo(cashSale);
        });
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("back to the sale", () -> t.exists("#scanField") && t.focused("#scanField"));

        // park a sale, resume it, pay it
        t.scan(drink);
        t.waitFor("one line", () -> cartRows() == 1);
        t.robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        t.waitFor("parked", () -> cartRows() == 0 && rig.terminal.parkedSales().size() == 1);
        t.robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        t.waitFor("parked list", () -> t.exists("#parkedDialog"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("resumed", () -> cartRows() == 1 && rig.terminal.parkedSales().isEmpty());
        t.robot.type(KeyCode.F12);
        t.waitFor("payment", () -> t.exists("#payCard"));
        t.robot.type(KeyCode.F6);
        t.waitFor("paid", () -> !t.node("#completeSaleButton").isDisabled());
        t.robot.type(KeyCode.ENTER);
        t.waitFor("receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("next sale", () -> !t.exists("#receiptPreview") && cartRows() == 0);

        // close the shift: a typo, the difference shown, a recount, closed
        t.robot.type(KeyCode.F11);
        t.waitFor("close shift, count focused", () -> t.exists("#countedCash") && t.focused("#countedCash"));
        long expected = rig.terminal.countShift(0).expectedCashMinor();
        t.robot.write("3").type(KeyCode.ENTER);
        t.waitFor("the difference before closing", () -> t.text("#countDifference").contains("difference"));
        assertThat(rig.terminal.currentShift()).as("a typo closes nothing").isPresent();
        t.robot.type(KeyCode.F5);
        t.waitFor("recount", () -> t.focused("#countedCash") && t.text("#countedCash").isEmpty());
        t.robot.write(Money.format(expected)).type(KeyCode.ENTER);
        t.waitFor("no difference", () -> t.text("#countDifference").contains("difference " + Money.format(0)));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("shift closed", () -> t.exists("#shiftSummary"));
        assertThat(rig.terminal.currentShift()).isEmpty();
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("ready for the next shift", () -> t.exists("#openingFloat"));
    }

    @SuppressWarnings("unchecked")
    private int cartRows() {
        return t.onFx(() -> ((TableView<Object>) t.node("#cartTable")).getItems().size());
    }

    private String lastSale() {
        return rig.terminal.history(HistoryFilter.all()).stream().filter(e -> e.totalMinor() != null && e.totalMinor() > 0)
                .max(Comparator.comparing(HistoryEntry::number)).orElseThrow().number();
    }
}
