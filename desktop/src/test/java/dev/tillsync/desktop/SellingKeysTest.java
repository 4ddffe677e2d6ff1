package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.CashRounding;
import dev.tillsync.desktop.sale.CartLine;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sale screen's keys as a cashier uses them, in the real window against a real back office: the quantity keys
 * never leave a character in the scan field, the last unit is not lost to one key too many, a line's quantity is typed,
 * clearing asks first, card is one key, quick cash and a big change, every action reachable from the keyboard.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellingKeysTest {
    private static final String PEN_BARCODE = "4006381333931";

    private Path tmp;
    private TillRig rig;
    private PosWindow window;
    private TillWindow till;
    private final FxRobot robot = new FxRobot();
    private TillRobot t;
    private String secondBarcode;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        t = new TillRobot(dir);
        rig = new TillRig(tmp);
        secondBarcode = rig.terminal.findItem("ITEM-0002").orElseThrow().barcodes().get(0);
        till = TillWindow.open(rig.terminal);
        window = till.window();
        t.scene(window.scene());
        waitFor("login screen", () -> exists("#user-amira"));
        robot.clickOn("#user-amira");
        robot.clickOn("#pinField").write("1234").type(KeyCode.ENTER);
        waitFor("shift opening", () -> exists("#openingFloat"));
        robot.clickOn("#openingFloat").write("100.00").type(KeyCode.ENTER);
        waitFor("sale screen with the scan field focused", () -> exists("#scanField") && focused("#scanField"));
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    @Order(1)
    void minusThenScanSellsTheNextItem() throws Exception {
        // the scanner's Enter to the line on screen, for the first scan after start and for the next one
        robot.write(PEN_BARCODE);
        long t0 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        waitFor("the first scan of the day", () -> cartRows() == 1);
        long firstScanMs = (System.nanoTime() - t0) / 1_000_000;
        robot.write(PEN_BARCODE);
        long t1 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        waitFor("two pens", () -> qty(0) == 2);
        long secondScanMs = (System.nanoTime() - t1) / 1_000_000;

        robot.type(KeyCode.MINUS);
        waitFor("one pen", () -> qty(0) == 1);
        assertThat(text("#scanField")).as("'-' changes the quantity and leaves nothing in the scan field").isEmpty();
        scan(secondBarcode);
        waitFor("the next scan sells the next item", () -> cartRows() == 2);
        assertThat(text("#notification")).doesNotContain("No item");

        robot.type(KeyCode.ADD); // the keypad's +
        waitFor("two of the second item", () -> qty(1) == 2);
        robot.type(KeyCode.SUBTRACT);
        waitFor("back to one", () -> qty(1) == 1);
        assertThat(text("#scanField")).isEmpty();
        scan(PEN_BARCODE);
        waitFor("a scan after the keypad keys works too", () -> qty(0) == 2);
        assertThat(firstScanMs).as("the first scan after start is warm (catalogue path warmed at start): first %d ms, next %d ms", firstScanMs, secondScanMs).isLessThan(Math.max(1000, 4 * secondScanMs));
    }

    @Test
    @Order(2)
    void minusOnTheLastUnitAsksBeforeTheLineGoes() throws Exception {
        robot.type(KeyCode.DOWN); // the second line, one unit
        waitFor("second line selected", () -> selected() == 1 && qty(1) == 1);
        robot.type(KeyCode.MINUS);
        waitFor("asked before removing", () -> exists("#removeLastUnit"));
        assertThat(cartRows()).as("nothing removed before the answer").isEqualTo(2);
        shot("desktop-last-unit");
        robot.type(KeyCode.ESCAPE);
        waitFor("kept", () -> !exists("#removeLastUnit") && cartRows() == 2 && focused("#scanField"));
        robot.type(KeyCode.MINUS);
        waitFor("asked again", () -> exists("#removeLastUnit"));
        robot.type(KeyCode.ENTER);
        waitFor("line removed on Enter", () -> !exists("#removeLastUnit") && cartRows() == 1);
        assertThat(text("#scanField")).isEmpty();
        waitFor("scan focus back", () -> focused("#scanField"));
    }

    @Test
    @Order(3)
    void cashierSelectsALineAndTypesItsQuantity() throws Exception {
        scan(secondBarcode);
        waitFor("two lines", () -> cartRows() == 2);
        robot.type(KeyCode.UP);
        waitFor("the pen selected", () -> selected() == 0);
        robot.type(KeyCode.F3);
        waitFor("quantity entry", () -> exists("#quantityField") && focused("#quantityField"));
        assertThat(text("#quantityField")).isEqualTo("2");
        robot.write("abc").type(KeyCode.ENTER);
        waitFor("a bad quantity is explained", () -> text("#quantityError").contains("'abc' is not a quantity"));
        robot.eraseText(3).write("0").type(KeyCode.ENTER);
        waitFor("zero is refused", () -> text("#quantityError").contains("at least 1"));
        assertThat(qty(0)).as("nothing changed by bad input").isEqualTo(2);
        robot.eraseText(1).write("12");
        shot("desktop-quantity");
        robot.type(KeyCode.ENTER);
        waitFor("twelve pens", () -> !exists("#quantityDialog") && qty(0) == 12);

        // "*" on an empty scan field opens the same entry for the selected line; it never lands in the field
        robot.type(KeyCode.DOWN);
        waitFor("second line selected", () -> selected() == 1);
        robot.write("*");
        waitFor("quantity entry by *", () -> exists("#quantityField"));
        robot.eraseText(2).write("3").type(KeyCode.ENTER);
        waitFor("three of the second item", () -> qty(1) == 3);
        assertThat(text("#scanField")).isEmpty();
        // with text in the field "*" is still QTY*CODE
        scan("2*" + secondBarcode);
        waitFor("2*CODE adds two", () -> qty(1) == 5);
        assertThat(text("#grandTotal")).isEqualTo(Money.format(lineTotals()));
    }

    @Test
    @Order(4)
    void clearSaleAsksFirstAndEscKeepsTheCart() throws Exception {
        robot.type(KeyCode.F7);
        waitFor("clear asks", () -> exists("#clearSaleConfirm"));
        assertThat(text("#clearSaleConfirmDetail")).startsWith("2 lines, total " + text("#grandTotal"));
        shot("desktop-clear-sale");
        robot.type(KeyCode.ESCAPE);
        waitFor("cart kept", () -> !exists("#clearSaleConfirm") && cartRows() == 2);
        robot.clickOn("#clearSaleButton");
        waitFor("clear asks on the button too", () -> exists("#clearSaleConfirm"));
        robot.type(KeyCode.ENTER);
        waitFor("cleared", () -> cartRows() == 0 && text("#grandTotal").equals("0.00"));
        waitFor("scan focus back", () -> focused("#scanField"));
    }

    @Test
    @Order(5)
    void cardPaysTheRestWithOneKey() throws Exception {
        scan(PEN_BARCODE);
        waitFor("one line", () -> cartRows() == 1);
        String total = text("#grandTotal");
        robot.type(KeyCode.F12);
        waitFor("payment dialog with modes", () -> exists("#payCard"));
        assertThat(text("#payCard")).isEqualTo("Card (F6)");
        assertThat(text("#payCash")).isEqualTo("Cash (F5)");
        robot.type(KeyCode.F6);
        waitFor("paid by card at once, no reference asked", () -> !node("#completeSaleButton").isDisabled());
        assertThat(tenders()).containsExactly("Card   " + total);
        assertThat(text("#paymentError")).isEmpty();
        shot("desktop-card-one-key");
        robot.type(KeyCode.ENTER);
        waitFor("receipt", () -> exists("#receiptPreview"));
        String receipt = textOf("#receiptPreview");
        assertThat(receipt).as("the receipt names the cashier, not their email").contains("Cashier: Amira Haddad").doesNotContain("amira@");
        assertThat(receipt).as("and says the currency").containsPattern("TOTAL [A-Z]{3} +" + total.replace(".", "\\."));
        robot.type(KeyCode.ENTER);
        waitFor("new sale", () -> !exists("#receiptPreview") && cartRows() == 0);
        InvoicePayload inv = rig.terminal.recordedInvoice(lastSaleNumber());
        assertThat(inv.payments()).singleElement().satisfies(p -> {
            assertThat(p.mode()).isEqualTo("Card");
            assertThat(p.reference()).isNull();
            assertThat(Money.format(p.amountMinor())).isEqualTo(total);
        });
        assertThat(inv.cashier()).as("the invoice still records who by email").isEqualTo("amira@demo.shop");
    }

    @Test
    @Order(6)
    void theSlipNumberGoesToTheReferenceNeverToAmount() throws Exception {
        scan(PEN_BARCODE);
        scan(secondBarcode);
        waitFor("two lines", () -> cartRows() == 2);
        long total = Money.parse(text("#grandTotal"));
        robot.type(KeyCode.F12);
        waitFor("payment dialog", () -> exists("#payCard"));
        robot.clickOn("#payCard");
        waitFor("the cursor goes to the reference", () -> focused("#tenderReference"));
        robot.write("SLIP-9001");
        assertThat(text("#tenderAmount")).isEqualTo(Money.format(total));
        assertThat(text("#tenderReference")).isEqualTo("SLIP-9001");
        robot.type(KeyCode.F5); // back to cash by keyboard
        waitFor("cash selected", () -> ((javafx.scene.control.ToggleButton) node("#payCash")).isSelected() && focused("#tenderAmount"));
        robot.type(KeyCode.F6);
        waitFor("card took the rest with the slip", () -> !node("#completeSaleButton").isDisabled());
        assertThat(tenders()).containsExactly("Card   " + Money.format(total) + "   ref SLIP-9001");
        assertThat(text("#paymentError")).isEmpty();
        robot.type(KeyCode.ENTER);
        waitFor("receipt", () -> exists("#receiptPreview"));
        robot.type(KeyCode.ENTER);
        waitFor("new sale", () -> !exists("#receiptPreview"));
    }

    @Test
    @Order(7)
    void splitCardThenQuickCashShowsTheChangeLarge() throws Exception {
        scan("3*" + secondBarcode);
        waitFor("one line", () -> cartRows() == 1);
        long total = Money.parse(text("#grandTotal"));
        robot.type(KeyCode.F12);
        waitFor("payment dialog", () -> exists("#payCard") && exists("#cashExact"));
        long increment = rig.terminal.profile().orElseThrow().cashRoundingMinor();
        assertThat(text("#cashExact")).as("cash is rounded by the profile's increment")
                .isEqualTo("Exact " + Money.format(total + CashRounding.adjustment(total, increment)));
        robot.eraseText(12).write("10.00");
        robot.type(KeyCode.F6);
        waitFor("10.00 on card", () -> tenders().size() == 1);
        long rest = total - 1000 + CashRounding.adjustment(total - 1000, increment);
        waitFor("quick cash for the rest", () -> text("#cashExact").equals("Exact " + Money.format(rest)));
        String note = text("#cashNote1");
        assertThat(note).endsWith("(F8)");
        long noteMinor = Money.parse(note.replace(" (F8)", ""));
        assertThat(noteMinor).isGreaterThan(rest);
        shot("desktop-payment-quick-cash");
        robot.type(KeyCode.F8);
        waitFor("paid, change shown", () -> !node("#completeSaleButton").isDisabled());
        assertThat(text("#changeDue")).isEqualTo(Money.format(noteMinor - rest));
        assertThat(node("#changeDue").getStyleClass()).contains("change-big");
        shot("desktop-payment-change");
        robot.type(KeyCode.ENTER);
        waitFor("receipt", () -> exists("#receiptPreview"));
        assertThat(text("#receiptChange")).isEqualTo("Change due: " + Money.format(noteMinor - rest));
        robot.type(KeyCode.ENTER);
        waitFor("new sale", () -> !exists("#receiptPreview"));
    }

    @Test
    @Order(8)
    void menuCloseShiftAndTabAreKeyboardReachable() throws Exception {
        waitFor("scan focus", () -> focused("#scanField"));
        robot.type(KeyCode.TAB);
        waitFor("Tab moves to a button and stays there", () -> focusOwner() instanceof ButtonBase);
        robot.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("not pulled back to the scan field").isInstanceOf(ButtonBase.class);
        Node first = focusOwner();
        robot.type(KeyCode.TAB);
        waitFor("Tab walks on", () -> focusOwner() instanceof ButtonBase && focusOwner() != first);
        // a scanner typing while a button has the focus still scans
        scan(PEN_BARCODE);
        waitFor("scanned into the scan field", () -> cartRows() == 1 && focused("#scanField"));
        robot.type(KeyCode.ESCAPE);

        shot("desktop-sale-keys");
        robot.type(KeyCode.F10);
        waitFor("menu open", () -> ((MenuButton) node("#menuButton")).isShowing());
        robot.type(KeyCode.ESCAPE);
        waitFor("menu closed", () -> !((MenuButton) node("#menuButton")).isShowing());
        assertThat(text("#menuButton")).isEqualTo("Menu (F10)");

        for (String id : List.of("#clearSaleButton", "#closeShiftButton", "#lockButton", "#payButton", "#qtyButton")) {
            assertThat(text(id)).as(id + " shows its key").matches(".*\\((F\\d+|Ctrl\\+L|F3 / \\*)\\)");
        }
        robot.type(KeyCode.F11);
        waitFor("close shift screen", () -> exists("#countedCash"));
        robot.type(KeyCode.ESCAPE);
        waitFor("back to the sale, cart kept", () -> exists("#scanField") && cartRows() == 1);
    }

    // ------------------------------------------------------------------ helpers

    private void scan(String code) {
        t.scan(code);
    }

    private int cartRows() {
        return t.cartLines().size();
    }

    private long qty(int row) {
        List<CartLine> items = t.cartLines();
        return row < items.size() ? items.get(row).qty() : -1;
    }

    private int selected() {
        return t.selectedLine();
    }

    private long lineTotals() {
        return t.cartLines().stream().mapToLong(CartLine::totalMinor).sum();
    }

    private List<String> tenders() {
        return t.tenders();
    }

    private String lastSaleNumber() {
        return rig.terminal.history(HistoryFilter.all()).stream().filter(e -> e.totalMinor() != null)
                .max(Comparator.comparing(HistoryEntry::number)).orElseThrow().number();
    }

    private Node focusOwner() {
        return window.scene().getFocusOwner();
    }

    private boolean exists(String query) {
        return t.exists(query);
    }

    private Node node(String query) {
        return t.node(query);
    }

    private String text(String query) {
        return t.text(query);
    }

    private String textOf(String query) {
        return ((TextInputControl) node(query)).getText();
    }

    private boolean focused(String query) {
        return t.focused(query);
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        t.waitFor(what, condition);
    }

    private void shot(String name) {
        Path docs = Screenshots.docsDir();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), (docs == null ? tmp : docs).resolve(name + ".png"));
    }
}
