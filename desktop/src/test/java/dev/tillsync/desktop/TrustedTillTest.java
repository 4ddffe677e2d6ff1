package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.money.Money;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.LogEntry;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.SyncStatus;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * The screens a cashier must be able to trust, in the real window against a real back office: refunds from Sales
 * History and by scanning the receipt, history that reads as a cashier thinks, a shift close that can be recounted,
 * a lock screen that ignores scans, and another cashier who may not walk into someone's open drawer. In order, one till.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustedTillTest {
    private static final String PEN = "4006381333931";

    private TillRig rig;
    private PosWindow window;
    private TillWindow till;
    private TillRobot t;
    private Item pen;
    private Item other;
    private String cardSale;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        t = new TillRobot(dir);
        rig = new TillRig(dir);
        pen = rig.terminal.findItem(PEN).orElseThrow();
        other = rig.terminal.findItem("ITEM-0002").orElseThrow();
        till = TillWindow.open(rig.terminal);
        window = till.window();
        t.scene(window.scene());
        rig.terminal.startBackground();
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    @Order(1)
    void aCashierRefundsTwoOfThreeFromHistory() throws Exception {
        t.waitFor("login screen", () -> t.exists("#user-amira"));
        t.robot.clickOn("#user-amira");
        t.robot.clickOn("#pinField").write("1234").type(KeyCode.ENTER);
        t.waitFor("shift opening", () -> t.exists("#openingFloat"));
        t.robot.clickOn("#openingFloat").write("100.00").type(KeyCode.ENTER);
        t.waitFor("sale screen", () -> t.exists("#scanField"));

        // three pens and another item, paid by card (through the engine: the payment dialog is not what is tested here)
        List<SaleItem> items = List.of(new SaleItem(PEN, 3), new SaleItem(other.code(), 1));
        long total = rig.terminal.quote(items, null, null).totalMinor();
        SaleReceipt sale = rig.terminal.recordSale(new SaleRequest(items, null, List.of(new Payment("Card", total, "SLIP-4711"))));
        cardSale = sale.number();

        t.robot.type(KeyCode.F8);
        t.waitFor("the card sale in history", () -> historyRows().stream().anyMatch(e -> e.number().equals(cardSale)));
        int row = indexOf(cardSale);
        t.fx(() -> history().getSelectionModel().select(row));
        t.waitFor("refund offered for the sale", () -> !t.node("#refundFromHistory").isDisabled());
        t.robot.type(KeyCode.F6);
        t.waitFor("refund screen on the sale", () -> t.exists("#returnQty-1") && t.text("#refundSale").startsWith("Sale " + cardSale));
        assertThat(t.text("#returnLeft-1")).isEqualTo("3");
        t.waitFor("the first line's quantity has the keyboard", () -> t.focused("#returnQty-1"));

        // bad input first: more than was sold, then not a number; nothing can be refunded meanwhile
        t.robot.write("4");
        t.waitFor("too many refused", () -> t.text("#refundError").startsWith("Only 3 of Ballpoint Pen Blue can come back"));
        assertThat(t.node("#refundButton").isDisabled()).isTrue();
        t.robot.type(KeyCode.BACK_SPACE).write("x");
        t.waitFor("not a number refused", () -> t.text("#refundError").contains("is not a whole number"));
        t.robot.type(KeyCode.BACK_SPACE).write("2");
        long refund = rig.terminal.quote(List.of(new SaleItem(PEN, 2)), null, null).totalMinor(); // sold today, at today's price
        t.waitFor("two pens to the card", () -> t.text("#refundTotal").equals("Refund " + Money.format(refund) + " to Card " + Money.format(refund)));
        t.shot("refund");
        t.robot.type(KeyCode.F12);
        t.waitFor("confirmation", () -> t.exists("#refundConfirm"));
        assertThat(t.text("#refundConfirmText")).contains("Return 2 × ITEM-0001 from " + cardSale).contains("to Card " + Money.format(refund));
        t.shot("refund-confirm");
        t.robot.type(KeyCode.ENTER);
        t.waitFor("refund receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("what is left now", () -> !t.exists("#receiptPreview") && t.text("#returnLeft-1").equals("1"));

        InvoicePayload ret = rig.terminal.history(new HistoryFilter(null, true, 50)).stream()
                .filter(e -> e.totalMinor() != null && e.totalMinor() < 0).map(e -> rig.terminal.recordedInvoice(e.number()))
                .findFirst().orElseThrow();
        assertThat(ret.returnAgainst()).isEqualTo(cardSale);
        assertThat(ret.payments()).singleElement().satisfies(p -> {
            assertThat(p.mode()).isEqualTo("Card");
            assertThat(p.amountMinor()).isEqualTo(-refund);
        });
        assertThat(ret.lines()).singleElement().satisfies(l -> assertThat(l.qtyMilli()).isEqualTo(-2000));

        // the same pens cannot come back twice: one is left
        t.robot.clickOn("#returnQty-1").write("2");
        t.waitFor("only one left", () -> t.text("#refundError").startsWith("Only 1 of Ballpoint Pen Blue can come back on this sale (3 sold, 2 already returned)"));
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("back to sale", () -> t.exists("#scanField"));
    }

    @Test
    @Order(2)
    void aCashierScansTheReceiptToRefundACashSale() throws Exception {
        List<SaleItem> two = List.of(new SaleItem(other.code(), 2));
        String cashSale = rig.terminal.recordSale(new SaleRequest(two, null,
                List.of(new Payment("Cash", rig.terminal.quote(two, null, null).cashDueMinor(), null)))).number();
        t.robot.press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
        t.waitFor("refund screen waiting for a receipt", () -> t.exists("#refundInvoice") && t.focused("#refundInvoice"));
        t.scan("POS-0001-999999");
        t.waitFor("unknown receipt refused", () -> t.text("#refundError").contains("POS-0001-999999"));
        String aReturn = rig.terminal.history(new HistoryFilter(null, true, 50)).stream()
                .filter(e -> e.totalMinor() != null && e.totalMinor() < 0).findFirst().orElseThrow().number();
        t.fx(() -> ((javafx.scene.control.TextField) t.node("#refundInvoice")).clear());
        t.scan(aReturn);
        t.waitFor("a return is not a sale to refund", () -> t.text("#refundError").contains("is itself a return"));
        t.fx(() -> ((javafx.scene.control.TextField) t.node("#refundInvoice")).clear());
        t.robot.clickOn("#refundInvoice");
        t.scan(cashSale);
        t.waitFor("the scanned sale", () -> t.text("#refundSale").startsWith("Sale " + cashSale) && t.focused("#returnQty-1"));
        t.robot.type(KeyCode.ENTER); // nothing typed: Enter on the last line asks to confirm, which needs a quantity
        t.waitFor("a quantity is needed", () -> t.text("#refundError").startsWith("Choose what comes back"));
        t.robot.write("1").type(KeyCode.ENTER);
        t.waitFor("confirmation", () -> t.exists("#refundConfirm"));
        // a cash refund is rounded as a cash sale is: what a cash customer would pay for one today
        long refund = rig.terminal.quote(List.of(new SaleItem(other.code(), 1)), null, null).cashDueMinor();
        assertThat(t.text("#refundConfirmText")).contains("to Cash " + Money.format(refund));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("refund receipt", () -> t.exists("#receiptPreview"));
        t.robot.type(KeyCode.ENTER);
        t.waitFor("one left", () -> !t.exists("#receiptPreview") && t.text("#returnLeft-1").equals("1"));
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("back to sale", () -> t.exists("#scanField"));
    }

    @Test
    @Order(3)
    void historySaysLoadingShowsShiftEventsByNameAndMadeOffline() throws Exception {
        rig.stopServer();
        t.waitFor("offline", () -> t.text("#statusIndicator").equals("Offline"));
        String offline = rig.terminal.recordSale(new SaleRequest(List.of(new SaleItem(PEN, 1)), null,
                List.of(new Payment("Cash", 1000, null)))).number();
        assertThat(rig.terminal.recordedInvoice(offline).offline()).isTrue();
        String placeholder = t.onFx(() -> {
            window.showHistory(); // the first answer comes later (Platform.runLater), never within this call
            return ((Label) history().getPlaceholder()).getText();
        });
        assertThat(placeholder).isEqualTo("Loading…");
        t.waitFor("offline sale listed", () -> indexOf(offline) >= 0);
        assertThat(cell(indexOf(offline), "Offline")).isEqualTo("OFFLINE");
        rig.startServer();
        t.waitFor("the offline sale synced and says it was made offline", () -> {
            int i = indexOf(offline);
            return i >= 0 && historyRows().get(i).status() == SyncStatus.SYNCED && cell(i, "Offline").equals("made offline");
        });
        int open = -1;
        for (int i = 0; i < historyRows().size(); i++) if (historyRows().get(i).kind() == dev.tillsync.core.sync.RowKind.SHIFT_OPEN) open = i;
        assertThat(open).as("the shift opening is listed").isGreaterThanOrEqualTo(0);
        assertThat(cell(open, "Kind")).isEqualTo("Shift opened");
        assertThat(cell(open, "Number")).matches("Shift [0-9a-f]{8}");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> kinds = (ChoiceBox<String>) t.node("#historyKinds");
        t.fx(() -> kinds.setValue("Shift events"));
        t.waitFor("only shift events", () -> !historyRows().isEmpty()
                && historyRows().stream().allMatch(e -> e.kind() == dev.tillsync.core.sync.RowKind.SHIFT_OPEN));
        t.shot("history-shift-events");
        t.fx(() -> kinds.setValue("Sales and returns"));
        t.waitFor("only sales and returns", () -> historyRows().size() >= 4
                && historyRows().stream().allMatch(e -> e.kind() == dev.tillsync.core.sync.RowKind.INVOICE));
        assertThat(historyRows().stream().filter(e -> e.totalMinor() < 0).map(e -> cell(historyRows().indexOf(e), "Kind")).distinct().toList())
                .containsExactly("Return");
        t.shot("history");
        t.robot.type(KeyCode.ESCAPE);
        t.waitFor("back to sale", () -> t.exists("#scanField"));
    }

    @Test
    @Order(4)
    void scansOnTheLockScreenAreNotPinTries() throws Exception {
        t.fx(() -> window.lock());
        t.waitFor("lock screen", () -> t.text("#loginTitle").equals("Screen locked") && t.focused("#pinField"));
        for (int i = 0; i < 6; i++) { // more scans than the lock-out allows wrong PINs
            t.scan(PEN);
            t.waitFor("scan " + (i + 1) + " named a scan", () -> t.text("#loginError").startsWith("That was a barcode scan, not a PIN"));
            assertThat(t.text("#loginError")).doesNotContain("tries left");
            assertThat(t.text("#pinField")).isEmpty();
        }
        t.shot("lock-scan");
        assertThat(rig.terminal.events(50)).noneMatch(e -> e.type().equals("login_failed"));
        t.robot.write("1234").type(KeyCode.ENTER);
        t.waitFor("unlocked by the PIN after the scans", () -> t.exists("#scanField"));
    }

    @Test
    @Order(5)
    void anotherCashierIsToldWhoseShiftIsOpenAndNeedsApproval() throws Exception {
        t.fx(() -> window.lock());
        t.waitFor("lock screen", () -> t.exists("#user-ben"));
        t.robot.clickOn("#user-ben");
        t.robot.clickOn("#pinField").write("5678").type(KeyCode.ENTER);
        t.waitFor("told whose shift it is", () -> t.text("#otherShiftNotice").startsWith("Amira Haddad's shift is open on this till"));
        assertThat(t.exists("#scanField")).as("Ben does not reach the sale screen").isFalse();
        @SuppressWarnings("unchecked")
        ChoiceBox<dev.tillsync.terminal.DeviceUserInfo> approver = (ChoiceBox<dev.tillsync.terminal.DeviceUserInfo>) t.node("#approverChoice");
        assertThat(approver.getItems()).extracting(dev.tillsync.terminal.DeviceUserInfo::email).contains("amira@demo.shop").doesNotContain("ben@demo.shop");
        t.shot("other-shift");
        t.robot.write("9999").type(KeyCode.ENTER);
        t.waitFor("a wrong approval PIN refused", () -> t.text("#otherShiftError").startsWith("Wrong PIN for amira@demo.shop"));
        assertThat(t.exists("#scanField")).isFalse();
        t.robot.write("1234").type(KeyCode.ENTER);
        t.waitFor("Ben sells on Amira's shift", () -> t.exists("#scanField") && t.text("#userLabel").equals("Ben Carter"));
        List<LogEntry> log = rig.terminal.events(50);
        assertThat(log).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("approval");
            assertThat(e.ref()).isEqualTo("amira@demo.shop");
            assertThat(e.detail()).startsWith("ben@demo.shop sells on amira@demo.shop's open shift");
        });
        assertThat(log).anySatisfy(e -> assertThat(e.type() + " " + e.ref()).isEqualTo("login ben@demo.shop"));
    }

    @Test
    @Order(6)
    void aTypoAtShiftCloseCanBeRecounted() throws Exception {
        t.robot.clickOn("#closeShiftButton");
        t.waitFor("close shift screen", () -> t.exists("#countedCash"));
        assertThat(t.exists("#countDifference")).as("blind count: no expected figure before the first count").isFalse();
        long expected = rig.terminal.countShift(0).expectedCashMinor();
        t.robot.clickOn("#countedCash").write("3").type(KeyCode.ENTER); // meant 3 notes more
        t.waitFor("the difference before anything closes", () -> t.text("#countDifference").equals("Expected " + Money.format(expected)
                + " · counted 3.00 · difference " + Money.format(300 - expected) + " (short)"));
        assertThat(rig.terminal.currentShift()).as("still open").isPresent();
        t.robot.type(KeyCode.ENTER); // a big difference without a reason does not close
        t.waitFor("a reason is asked", () -> t.text("#shiftCloseError").startsWith("Say why the cash differs by " + Money.format(300 - expected)));
        t.shot("shift-difference");
        assertThat(rig.terminal.currentShift()).isPresent();
        t.robot.type(KeyCode.F5);
        t.waitFor("recount", () -> t.exists("#countedCash") && t.focused("#countedCash") && t.text("#countedCash").isEmpty());
        t.robot.write(Money.format(expected - 200)).type(KeyCode.ENTER); // 2.00 short: within the tolerance
        t.waitFor("recounted", () -> t.text("#countDifference").endsWith("difference " + Money.format(-200) + " (short)"));
        assertThat(t.exists("#differenceReason")).isFalse();
        t.robot.type(KeyCode.ENTER);
        t.waitFor("closed with the recount", () -> t.exists("#shiftSummary") && t.text("#shiftSummary").contains("Users at this till during the shift"));
        String summary = t.text("#shiftSummary");
        assertThat(summary).contains("login ben@demo.shop").contains("approval amira@demo.shop");
        assertThat(rig.terminal.events(50)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("shift_close");
            assertThat(e.detail()).isEqualTo("expected=" + expected + " counted=" + (expected - 200));
        });
        t.shot("shift-closed");
        t.robot.clickOn("#shiftDoneButton");
        t.waitFor("shift opening", () -> t.exists("#openingFloat"));
    }

    @Test
    @Order(7)
    void aLargeDifferenceClosesOnlyWithAReasonInTheShiftRecord() throws Exception {
        t.robot.clickOn("#openingFloat").write("50").type(KeyCode.ENTER);
        t.waitFor("sale screen", () -> t.exists("#scanField"));
        t.robot.clickOn("#closeShiftButton");
        t.waitFor("close shift screen", () -> t.exists("#countedCash"));
        t.robot.clickOn("#countedCash").write("20").type(KeyCode.ENTER);
        t.waitFor("reason field", () -> t.exists("#differenceReason") && t.focused("#differenceReason"));
        t.robot.write("paid the window cleaner").type(KeyCode.ENTER);
        t.waitFor("closed", () -> t.exists("#shiftSummary"));
        assertThat(t.text("#shiftSummary")).contains("paid the window cleaner");
        assertThat(rig.terminal.events(20)).anySatisfy(e -> assertThat(e.type() + " " + e.detail())
                .isEqualTo("shift_close expected=5000 counted=2000 reason=paid the window cleaner"));
    }

    // ------------------------------------------------------------------ helpers

    private static InvoiceLine line(Item i, long qty) {
        return InvoiceLine.of(i.code(), i.name(), qty, i.priceMinor(), i.taxRateBp());
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryEntry> history() {
        return (TableView<HistoryEntry>) t.node("#historyTable");
    }

    private List<HistoryEntry> historyRows() {
        return t.exists("#historyTable") ? List.copyOf(history().getItems()) : List.of();
    }

    private int indexOf(String number) {
        List<HistoryEntry> rows = historyRows();
        for (int i = 0; i < rows.size(); i++) if (number.equals(rows.get(i).number())) return i;
        return -1;
    }

    /** What the cashier reads in a column of a row. */
    private String cell(int row, String column) {
        return history().getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow()
                .getCellData(row).toString();
    }
}
