package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.master.Gtin;
import dev.tillsync.core.money.Money;
import dev.tillsync.desktop.sale.CartLine;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.LogEntry;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ListView;
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
 * Priced selling on the desktop against a real back office with the demo data (FRUIT-BANANA by the kg with a scale
 * layout, a 10% cashier discount limit, a customer on a tax-inclusive price list): weights typed or read from a scale
 * label, discounts with a manager's PIN over the limit, the cart's figures from the engine's quote, park and resume,
 * voids with a reason.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PricedSellingTest {
    private static final String PEN_BARCODE = "4006381333931";
    private static final String BANANA_BARCODE = "2100042";
    private static final dev.tillsync.core.pricing.Discount FIVE_PERCENT = dev.tillsync.core.pricing.Discount.percent(500, "Loyal customer");

    private Path tmp;
    private TillRig rig;
    private PosWindow window;
    private TillWindow till;
    private final FxRobot robot = new FxRobot();
    private TillRobot t;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        t = new TillRobot(dir);
        rig = new TillRig(tmp);
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
    void aWeighedItemAsksItsWeightAtTheScanAndAScaleLabelSellsAtItsWeight() throws Exception {
        scan(BANANA_BARCODE);
        waitFor("weight asked", () -> exists("#weightDialog") && focused("#quantityField"));
        robot.write("0").type(KeyCode.ENTER);
        waitFor("0 kg refused", () -> text("#quantityError").contains("above zero"));
        robot.eraseText(1).write("1.2345").type(KeyCode.ENTER);
        waitFor("4 decimals refused", () -> text("#quantityError").contains("up to 3 decimals"));
        robot.eraseText(6).write("1.250");
        shot("desktop-weight-entry");
        robot.type(KeyCode.ENTER);
        waitFor("1.250 kg priced", () -> cartRows() == 1 && line(0).qtyText().equals("1.250 kg") && line(0).priced() != null);

        String label = "21" + "00042" + "00750";
        scan(label + Gtin.checkDigit(label));
        waitFor("the label's 0.750 kg, no question", () -> cartRows() == 2 && line(1).qtyText().equals("0.750 kg") && line(1).priced() != null);
        assertThat(exists("#weightDialog")).isFalse();
        char wrong = (char) ('0' + ((Gtin.checkDigit(label) - '0' + 1) % 10));
        scan(label + wrong);
        waitFor("a label with a wrong check digit is refused", () -> node("#notification").isVisible() && !text("#notification").isBlank());
        assertThat(cartRows()).isEqualTo(2);
        assertQuoteShown();
    }

    @Test
    @Order(2)
    void aDiscountOverTheLimitNeedsAManagersPin() throws Exception {
        scan(PEN_BARCODE);
        waitFor("pen line", () -> cartRows() == 3);
        robot.type(KeyCode.F5);
        waitFor("discount dialog", () -> exists("#discountDialog") && focused("#discountValue"));
        robot.eraseText(10).write("150%").type(KeyCode.ENTER);
        waitFor("over 100% refused", () -> text("#discountError").contains("100%"));
        robot.eraseText(10).write("25%");
        shot("desktop-discount");
        robot.type(KeyCode.ENTER);
        waitFor("discount on the line, priced", () -> !exists("#discountDialog") && line(2).priced() != null
                && line(2).priced().lineDiscountMinor() > 0);
        assertThat(text("#discountTotal")).startsWith("−");
        assertQuoteShown();

        robot.type(KeyCode.F12);
        waitFor("approval asked", () -> exists("#approvalDialog") && focused("#approverPin"));
        waitFor("approvers listed", () -> ((ListView<?>) node("#approverList")).getItems().size() >= 1);
        assertThat(text("#approvalReasons")).contains("25%");
        robot.write("0000").type(KeyCode.ENTER);
        waitFor("wrong PIN refused", () -> !text("#approvalError").isBlank());
        shot("desktop-approval");
        robot.write("1234").type(KeyCode.ENTER);
        waitFor("payment after approval", () -> exists("#paymentDialog") && exists("#payCard"));
        robot.type(KeyCode.F6);
        waitFor("paid by card", () -> !node("#completeSaleButton").isDisabled());
        robot.type(KeyCode.ENTER);
        waitFor("receipt", () -> exists("#receiptPreview"));
        InvoicePayload inv = rig.terminal.recordedInvoice(lastSaleNumber());
        assertThat(inv.discountMinor()).isPositive();
        assertThat(inv.lines()).hasSize(3);
        assertThat(textOf("#receiptPreview")).contains(Money.format(inv.grandTotalMinor()));
        robot.type(KeyCode.ENTER);
        waitFor("new sale", () -> !exists("#receiptPreview") && cartRows() == 0);
    }

    @Test
    @Order(3)
    void aSaleDiscountAndACustomersPriceListRepriceTheCart() throws Exception {
        scan(PEN_BARCODE);
        scan(PEN_BARCODE);
        waitFor("two pens priced", () -> cartRows() == 1 && line(0).priced() != null && line(0).qty() == 2);
        String before = text("#grandTotal");
        robot.type(KeyCode.F6);
        waitFor("sale discount dialog", () -> exists("#discountDialog"));
        robot.eraseText(10).write("5%").type(KeyCode.ENTER);
        waitFor("sale discount shown", () -> text("#saleDiscountLabel").startsWith("Sale discount: 5%") && !text("#grandTotal").equals(before)
                && line(0).priced() != null);
        assertQuoteShown(FIVE_PERCENT);
        robot.type(KeyCode.F4);
        waitFor("customer dialog", () -> exists("#customerSearch"));
        robot.write("CUST-DEMO-0001");
        waitFor("found", () -> ((ListView<?>) node("#customerResults")).getItems().size() == 1);
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitFor("the customer's price list re-prices the cart and says so", () -> text("#customerLabel").contains("CUST-DEMO-0001")
                && text("#notification").contains("price list"));
        shot("desktop-customer-price-list");
        assertQuoteShown(FIVE_PERCENT);
    }

    @Test
    @Order(4)
    void parkedSalesComeBackAsTheyWereEntered() throws Exception {
        String total = text("#grandTotal");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        waitFor("parked, cart free", () -> cartRows() == 0 && text("#notification").startsWith("Parked:"));
        scan(PEN_BARCODE);
        waitFor("another sale", () -> cartRows() == 1);
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        waitFor("parked too", () -> cartRows() == 0);
        assertThat(rig.terminal.parkedSales()).hasSize(2);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor("parked list", () -> exists("#parkedDialog") && ((ListView<?>) node("#parkedList")).getItems().size() == 2);
        shot("desktop-parked-sales");
        robot.type(KeyCode.ENTER);
        waitFor("the first one is back, with its customer and discount", () -> cartRows() == 1 && text("#customerLabel").contains("CUST-DEMO-0001")
                && line(0).priced() != null && text("#grandTotal").equals(total));
        assertThat(text("#saleDiscountLabel")).startsWith("Sale discount: 5%");
        assertThat(rig.terminal.parkedSales()).hasSize(1);
    }

    @Test
    @Order(5)
    void voidingALineOrTheSaleAsksAReasonAndLogsIt() throws Exception {
        scan(BANANA_BARCODE);
        waitFor("weight asked", () -> exists("#weightDialog"));
        robot.write("0.500").type(KeyCode.ENTER);
        waitFor("two lines", () -> cartRows() == 2);
        robot.type(KeyCode.DELETE);
        waitFor("void asks a reason", () -> exists("#voidLineConfirm") && focused("#voidLineConfirmReason"));
        robot.eraseText(30).write("Customer changed mind").type(KeyCode.ENTER);
        waitFor("line voided", () -> cartRows() == 1);
        robot.type(KeyCode.F7);
        waitFor("clear asks a reason", () -> exists("#clearSaleConfirm"));
        robot.type(KeyCode.ENTER);
        waitFor("sale voided", () -> cartRows() == 0 && text("#customerLabel").equals("Customer: Walk-in"));
        List<LogEntry> log = rig.terminal.events(50);
        assertThat(log).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("void_line");
            assertThat(e.detail()).contains("Customer changed mind");
        });
        assertThat(log).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("void_sale");
            assertThat(e.detail()).contains("Customer left");
        });
    }

    /** The cart shows exactly what the engine's quote of it says (the figures the receipt and the server will have). */
    private void assertQuoteShown() throws Exception {
        assertQuoteShown(null);
    }

    private void assertQuoteShown(dev.tillsync.core.pricing.Discount saleDiscount) throws Exception {
        var cart = t.cartLines();
        var q = rig.terminal.quote(cart.stream().map(CartLine::saleItem).toList(), saleDiscount, customerNumber());
        waitFor("the total is the quote's", () -> text("#grandTotal").equals(Money.format(q.totalMinor())));
        assertThat(text("#netTotal")).isEqualTo(Money.format(q.netMinor()));
        assertThat(text("#taxTotal")).isEqualTo(Money.format(q.taxMinor()));
        for (int i = 0; i < cart.size(); i++) assertThat(cart.get(i).priced()).isEqualTo(q.lines().get(i));
    }

    private String customerNumber() {
        String c = text("#customerLabel");
        int open = c.lastIndexOf('(');
        return open < 0 ? null : c.substring(open + 1, c.length() - 1);
    }

    private CartLine line(int i) {
        var items = t.cartLines();
        return i < items.size() ? items.get(i) : null;
    }

    // ------------------------------------------------------------------ helpers

    private void scan(String code) {
        t.scan(code);
    }

    private int cartRows() {
        return t.cartLines().size();
    }

    private long qtyOf(int row) {
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
