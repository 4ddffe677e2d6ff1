package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tillsync.core.money.Money;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
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
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A cashier's day in the real window against a real back office: login, shift, scanning, cash with change,
 * the line going down (offline notice, OFFLINE receipt), coming back (history turns Synced), a manual sync,
 * closing the shift, and a user without flags who cannot reprint or export. Steps run in order on one till.
 */
@ExtendWith(DisplayRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CashierDayTest {
    private static final String PEN_BARCODE = "4006381333931";

    private Path tmp;
    private TillRig rig;
    private PosWindow window;
    private TillWindow till;
    private final FxRobot robot = new FxRobot();
    private String secondBarcode;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        rig = new TillRig(tmp);
        Item second = rig.terminal.findItem("ITEM-0002").orElseThrow();
        secondBarcode = second.barcodes().get(0);
        till = TillWindow.open(rig.terminal);
        window = till.window();
        rig.terminal.startBackground();
    }

    @AfterAll
    void stop() throws Exception {
        if (till != null) till.close();
        if (rig != null) rig.close();
    }

    @Test
    @Order(1)
    void cashierLogsInOpensShiftScansTwoItemsAndPaysCashWithChange() throws Exception {
        waitFor("login screen lists the device users", () -> exists("#user-amira") && exists("#user-ben"));
        shot("login");
        login("amira", "1234");
        waitFor("shift opening", () -> exists("#openingFloat"));
        robot.clickOn("#openingFloat").write("100.00").type(KeyCode.ENTER);
        waitFor("sale screen", () -> exists("#scanField"));
        waitFor("the scan field has the focus", () -> focused("#scanField"));

        scan(PEN_BARCODE);
        scan(secondBarcode);
        scan(PEN_BARCODE);
        waitFor("two cart lines, the pen twice", () -> cartRows() == 2 && text("#grandTotal").equals(expectedTotal()));
        assertThat(focused("#scanField")).as("scanning keeps the focus in the scan field").isTrue();
        shot("sale");

        robot.type(KeyCode.F12);
        waitFor("payment dialog", () -> exists("#paymentDialog") && exists("#payCash"));
        long total = Money.parse(text("#grandTotal"));
        long tendered = ((total / 1000) + 1) * 1000 + 1000; // a round note above the total
        // cash is rounded by the profile's increment (core's CashRounding), the change with it
        long due = total + dev.tillsync.core.pricing.CashRounding.adjustment(total, rig.terminal.profile().orElseThrow().cashRoundingMinor());
        replaceText("#tenderAmount", Money.format(tendered));
        robot.type(KeyCode.ENTER);
        waitFor("change shown", () -> text("#changeDue").equals(Money.format(tendered - due)));
        shot("payment");
        robot.clickOn("#completeSaleButton");
        waitFor("receipt preview", () -> exists("#receiptPreview"));
        assertThat(text("#receiptChange")).isEqualTo("Change due: " + Money.format(tendered - due));
        String receipt = textOf("#receiptPreview");
        assertThat(receipt).contains("POS-0001-").contains("Ballpoint Pen Blue").doesNotContain("OFFLINE");
        assertThat(node("#offlineBadge").isVisible()).isFalse();
        // The engine writes the PDF preview off the sale path; the dialog names it once it is written.
        waitFor("PDF preview named", () -> text("#printInfo").matches("Printed: POS-0001-\\d+\\.escpos   ·   PDF: POS-0001-\\d+\\.pdf"));
        shot("receipt");
        robot.type(KeyCode.ENTER);
        waitFor("back to an empty sale", () -> !exists("#receiptPreview") && cartRows() == 0);
        waitFor("scan focus back", () -> focused("#scanField"));

        // lock on demand, unlock with the PIN
        robot.clickOn("#lockButton");
        waitFor("lock screen", () -> exists("#loginTitle") && text("#loginTitle").equals("Screen locked"));
        robot.clickOn("#pinField").write("1234").type(KeyCode.ENTER);
        waitFor("unlocked to the sale screen", () -> exists("#scanField"));

        // and by itself after a while without input
        FxToolkit.setupFixture(() -> window.lockAfterIdle(Duration.seconds(1.5)));
        waitFor("locked after inactivity", () -> exists("#loginTitle") && text("#loginTitle").equals("Screen locked"));
        FxToolkit.setupFixture(() -> window.lockAfterIdle(Duration.minutes(30)));
        robot.clickOn("#pinField").write("1234").type(KeyCode.ENTER);
        waitFor("unlocked again", () -> exists("#scanField"));
    }

    @Test
    @Order(2)
    void goingOfflineShowsTheNoticeAndTheReceiptSaysOffline() throws Exception {
        rig.stopServer();
        waitFor("offline indicator", () -> text("#statusIndicator").equals("Offline"));
        waitFor("offline notice", () -> node("#notification").isVisible()
                && text("#notification").equals("You are offline: sales are saved on this device"));
        scan(PEN_BARCODE);
        waitFor("one line", () -> cartRows() == 1);
        shot("offline-notice");
        robot.type(KeyCode.F4);
        waitFor("customer dialog", () -> exists("#newCustomerName"));
        robot.clickOn("#newCustomerName").write("Olga Offline");
        robot.clickOn("#createCustomerButton");
        waitFor("customer picked", () -> text("#customerLabel").startsWith("Customer: Olga Offline (CUST-0001-"));
        waitFor("scan focus back after the dialog", () -> focused("#scanField"));
        robot.type(KeyCode.F12);
        waitFor("payment dialog", () -> exists("#payCash"));
        robot.type(KeyCode.ENTER); // the amount is prefilled with what is due
        waitFor("fully paid", () -> !node("#completeSaleButton").isDisabled());
        robot.clickOn("#completeSaleButton");
        waitFor("receipt preview", () -> exists("#receiptPreview"));
        assertThat(textOf("#receiptPreview")).contains("OFFLINE");
        assertThat(node("#offlineBadge").isVisible()).isTrue();
        shot("offline-receipt");
        robot.type(KeyCode.ESCAPE);
        waitFor("receipt closed", () -> !exists("#receiptPreview"));
        assertThat(rig.terminal.history(HistoryFilter.all()).stream().filter(e -> e.totalMinor() != null && e.offline()))
                .singleElement().satisfies(e -> assertThat(e.customer()).startsWith("CUST-0001-"));
    }

    @Test
    @Order(3)
    void comingBackSyncsAndHistoryTurnsSynced() throws Exception {
        rig.startServer();
        waitFor("back online notice", () -> text("#notification").equals("Back online — syncing"));
        robot.type(KeyCode.F8);
        waitFor("history", () -> exists("#historyTable"));
        waitFor("every transaction Synced in history", () -> {
            List<HistoryEntry> rows = historyRows();
            return rows.size() >= 3 && rows.stream().allMatch(e -> e.status() == SyncStatus.SYNCED);
        });
        assertThat(historyRows().stream().filter(HistoryEntry::offline).map(HistoryEntry::number).toList()).hasSize(1);
        int all = historyRows().size();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> filter = (javafx.scene.control.ChoiceBox<String>) node("#historyFilter");
        FxToolkit.setupFixture(() -> filter.setValue("Failed"));
        waitFor("no failed transactions", () -> historyRows().isEmpty());
        FxToolkit.setupFixture(() -> filter.setValue("Synced"));
        waitFor("the synced ones", () -> historyRows().size() == all);
        FxToolkit.setupFixture(() -> filter.setValue("All"));
        waitFor("all again", () -> historyRows().size() == all);
        assertThat(text("#statusIndicator")).isIn("Online");
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0 && r.isVisible()).queryAs(Node.class));
        waitFor("detail of the selected row", () -> text("#historyDetail").contains("Synced"));
        assertThat(node("#reprintButton").isVisible()).as("amira can reprint").isTrue();
        shot("history");
        robot.clickOn("#reprintButton");
        waitFor("reprint preview", () -> exists("#receiptPreview"));
        assertThat(textOf("#receiptPreview")).contains("REPRINT");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
        waitFor("back to sale", () -> exists("#scanField"));
    }

    @Test
    @Order(4)
    void offlineSalesCanBeExportedAndManualSyncShowsProgressAndWhatWasSynced() throws Exception {
        rig.stopServer();
        waitFor("offline", () -> text("#statusIndicator").equals("Offline"));
        for (int i = 0; i < 2; i++) {
            if (i == 0) {
                scan(secondBarcode);
            } else {
                robot.type(KeyCode.F2);
                waitFor("search dialog", () -> exists("#searchField"));
                robot.write("Ballpoint");
                waitFor("search finds the pen", () -> ((javafx.scene.control.ListView<?>) node("#searchResults")).getItems().size() >= 1);
                robot.type(KeyCode.ENTER);
            }
            waitFor("one line", () -> cartRows() == 1);
            robot.type(KeyCode.F12);
            waitFor("payment dialog", () -> exists("#payCash"));
            if (i == 0) {
                // split: 10.00 on card with its slip reference, the rest in cash
                robot.clickOn("#payCard");
                replaceText("#tenderAmount", "10.00");
                robot.clickOn("#tenderReference").write("SLIP-778");
                robot.clickOn("#addTenderButton");
                waitFor("card tender listed", () -> ((javafx.scene.control.ListView<?>) node("#tenderList")).getItems().size() == 1);
                robot.clickOn("#payCash");
                robot.clickOn("#addTenderButton");
                waitFor("two tenders", () -> ((javafx.scene.control.ListView<?>) node("#tenderList")).getItems().size() == 2);
                shot("payment-split");
            } else {
                robot.type(KeyCode.ENTER);
            }
            waitFor("fully paid", () -> !node("#completeSaleButton").isDisabled());
            robot.clickOn("#completeSaleButton");
            waitFor("receipt", () -> exists("#receiptPreview"));
            robot.type(KeyCode.ENTER);
            waitFor("receipt closed", () -> !exists("#receiptPreview"));
        }
        Path exports = Files.createDirectories(tmp.resolve("usb"));
        MenuItem export = menuItem((MenuButton) node("#menuButton"), "menuExport");
        assertThat(export.isVisible()).as("amira may export").isTrue();
        FxToolkit.setupFixture(export::fire);
        waitFor("export dialog", () -> exists("#exportFolder"));
        replaceText("#exportFolder", exports.toString());
        robot.clickOn("#exportButton");
        waitFor("export saved", () -> text("#exportResult").startsWith("Saved "));
        assertThat(text("#exportResult")).contains("(2 invoices");
        try (var files = Files.list(exports)) {
            assertThat(files.toList()).hasSize(1);
        }
        shot("export");
        robot.type(KeyCode.ESCAPE);

        // without the monitor the till does not notice the line is back: the cashier syncs by hand
        rig.terminal.stop();
        rig.startServer();
        clickMenu("More", "Sync System");
        waitFor("sync dialog", () -> exists("#syncDialog"));
        waitFor("sync complete", () -> text("#syncProgressText").equals("Sync complete"));
        assertThat(text("#syncResult")).matches("(?s)[2-9] synced, 0 duplicates, 0 failed.*");
        assertThat(((javafx.scene.control.ProgressBar) node("#syncProgress")).getProgress()).isEqualTo(1.0);
        shot("sync-progress");
        robot.clickOn("#syncCloseButton");
        assertThat(rig.terminal.history(HistoryFilter.all())).allMatch(e -> e.status() == SyncStatus.SYNCED);
        rig.terminal.startBackground();
        waitFor("online again", () -> text("#statusIndicator").equals("Online"));

        // the quick menu's Offline sync does the same
        robot.clickOn("#offlineSyncButton");
        waitFor("nothing left to send", () -> exists("#syncResult") && text("#syncProgressText").equals("Nothing to send"));
        assertThat(text("#syncResult")).startsWith("Everything was already synced at ");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    @Order(5)
    void settingsShowDeviceInfoAndClosingTheShiftShowsExpectedCashAndDifference() throws Exception {
        MenuItem settings = menuItem((MenuButton) node("#menuButton"), "menuSettings");
        assertThat(settings.isVisible()).isTrue();
        FxToolkit.setupFixture(settings::fire);
        waitFor("settings with device info", () -> exists("#settingsScreen") && text("#infoPosId").equals("POS-0001"));
        assertThat(text("#infoSeries")).isEqualTo("POS-0001-");
        assertThat(text("#infoLink")).startsWith("Linked");
        assertThat(text("#serverUrl")).isEqualTo(rig.server().baseUrl());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Object> size = (javafx.scene.control.ChoiceBox<Object>) node("#previewSize");
        FxToolkit.setupFixture(() -> size.setValue(dev.tillsync.desktop.engine.TillSettings.PreviewSize.LARGE));
        Path printerFile = tmp.resolve("printer.bin");
        replaceText("#printerTarget", printerFile.toString());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> pin = (javafx.scene.control.ChoiceBox<String>) node("#drawerPin");
        assertThat(pin.getValue()).isEqualTo("2");
        assertThat(text("#drawerPulse")).isEqualTo("50/500");
        FxToolkit.setupFixture(() -> pin.setValue("5"));
        replaceText("#drawerPulse", "100/400");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Integer> paper = (javafx.scene.control.ChoiceBox<Integer>) node("#receiptColumns");
        assertThat(paper.getValue()).isEqualTo(42);
        FxToolkit.setupFixture(() -> paper.setValue(32));
        robot.clickOn("#saveSettingsButton");
        waitFor("saved", () -> text("#settingsMessage").equals("Saved."));
        assertThat(rig.terminal.receiptColumns()).as("58 mm paper chosen on the settings screen").isEqualTo(32);
        robot.clickOn("#testPrintButton");
        waitFor("test print", () -> text("#printerMessage").startsWith("Test print sent to " + printerFile + ": OK"));
        assertThat(java.nio.file.Files.readString(printerFile, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("TEST PRINT");
        robot.clickOn("#openDrawerButton");
        waitFor("drawer opened", () -> text("#printerMessage").startsWith("Drawer pulse sent to " + printerFile + ": OK"));
        assertThat(java.nio.file.Files.readAllBytes(printerFile)).containsExactly(0x1B, '@', 0x1B, 'p', 1, 50, (byte) 200); // pin 5, 100/400 ms
        shot("settings");
        robot.type(KeyCode.ESCAPE);
        waitFor("back to sale", () -> exists("#scanField"));

        robot.clickOn("#closeShiftButton");
        waitFor("close shift screen", () -> exists("#countedCash"));
        robot.clickOn("#countedCash").write("90").type(KeyCode.ENTER);
        waitFor("the difference before closing", () -> exists("#countDifference") && exists("#differenceReason"));
        robot.write("float taken to the bank").type(KeyCode.ENTER);
        waitFor("summary", () -> exists("#shiftSummary"));
        String summary = textOf("#shiftSummary");
        assertThat(summary).contains("Expected cash").contains("Counted cash").contains("90.00").contains("Difference").contains("Cash");
        assertThat(text("#cashDifference")).startsWith("Expected ");
        shot("shift-closed");
        robot.clickOn("#shiftDoneButton");
        waitFor("shift opening again", () -> exists("#openingFloat"));
    }

    @Test
    @Order(6)
    void userWithoutFlagsCannotReprintOrExport() throws Exception {
        robot.clickOn("#logoutButton");
        waitFor("login screen", () -> exists("#user-ben"));
        login("ben", "5678");
        waitFor("shift opening", () -> exists("#openingFloat"));
        robot.clickOn("#openingFloat").write("50").type(KeyCode.ENTER);
        waitFor("sale screen", () -> exists("#scanField"));
        MenuButton menu = (MenuButton) node("#menuButton");
        assertThat(menuItem(menu, "menuExport").isVisible()).isFalse();
        assertThat(menuItem(menu, "menuSettings").isVisible()).isFalse();
        robot.type(KeyCode.F8);
        waitFor("history", () -> exists("#historyTable") && !historyRows().isEmpty());
        assertThat(node("#reprintButton").isVisible()).isFalse();
        FxToolkit.setupFixture(() -> window.openExport());
        waitFor("export denied", () -> text("#notification").contains("can_export_log"));
        assertThat(exists("#exportDialog")).isFalse();
        String number = historyRows().stream().filter(e -> e.totalMinor() != null).findFirst().orElseThrow().number();
        assertThatThrownBy(() -> rig.terminal.reprint(number)).isInstanceOf(TerminalException.class);
        robot.type(KeyCode.ESCAPE);
        waitFor("back to sale", () -> exists("#scanField"));
    }

    @Test
    @Order(7)
    void screenStaysUsableAt1024x768() throws Exception {
        FxToolkit.setupStage(s -> {
            s.setWidth(1024);
            s.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#payButton", "#scanField", "#statusIndicator", "#grandTotal", "#closeShiftButton")) {
            Node n = node(id);
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id + " fits the width").isLessThanOrEqualTo(n.getScene().getWidth() + 0.5);
            assertThat(b.getMaxY()).as(id + " fits the height").isLessThanOrEqualTo(n.getScene().getHeight() + 0.5);
        }
        shot("sale-1024x768");
    }

    @Test
    @Order(8)
    void unlinkBlocksNewSalesThenShowsTheTerminalUnlinked() throws Exception {
        rig.server().admin().unlink("POS-0001", false);
        robot.clickOn("#offlineSyncButton"); // the next contact tells the till; it drains and confirms
        waitFor("unlinked banner", () -> exists("#unlinkBanner") && text("#unlinkBanner").contains("unlinked"));
        assertThat(node("#payButton").isDisabled()).isTrue();
        assertThat(node("#scanField").isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        shot("unlinked");
    }

    // ------------------------------------------------------------------ helpers

    /** Menu > ... by the texts a cashier reads; popups of earlier menus linger detached, so only showing nodes count. */
    private void clickMenu(String... path) {
        robot.clickOn("#menuButton");
        for (String label : path) {
            robot.sleep(400);
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(robot.lookup(label).match((Node n) -> n.getScene() != null && n.getScene().getWindow() != null
                    && n.getScene().getWindow().isShowing() && n.isVisible()).queryAs(Node.class));
        }
    }

    private void login(String user, String pin) {
        robot.clickOn("#user-" + user);
        robot.clickOn("#pinField").write(pin).type(KeyCode.ENTER);
    }

    private void scan(String code) {
        // a USB scanner is a keyboard: it types the code and Enter into whatever has the focus
        robot.write(code).type(KeyCode.ENTER);
    }

    private String expectedTotal() {
        Item pen = rig.terminal.findItem(PEN_BARCODE).orElseThrow();
        Item other = rig.terminal.findItem(secondBarcode).orElseThrow();
        long t = dev.tillsync.core.invoice.InvoiceLine.of(pen.code(), pen.name(), 2, pen.priceMinor(), pen.taxRateBp()).totalMinor()
                + dev.tillsync.core.invoice.InvoiceLine.of(other.code(), other.name(), 1, other.priceMinor(), other.taxRateBp()).totalMinor();
        return Money.format(t);
    }

    private int cartRows() {
        return ((TableView<?>) node("#cartTable")).getItems().size();
    }

    @SuppressWarnings("unchecked")
    private List<HistoryEntry> historyRows() {
        return List.copyOf(((TableView<HistoryEntry>) node("#historyTable")).getItems());
    }

    private static MenuItem menuItem(MenuButton menu, String id) {
        for (MenuItem mi : menu.getItems()) {
            if (id.equals(mi.getId())) return mi;
            if (mi instanceof javafx.scene.control.Menu m) {
                for (MenuItem sub : m.getItems()) if (id.equals(sub.getId())) return sub;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private boolean exists(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
    }

    private Node node(String query) {
        return robot.lookup(query).query();
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse("");
    }

    private String textOf(String query) {
        return ((TextInputControl) node(query)).getText();
    }

    private boolean focused(String query) {
        return robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false);
    }

    private void replaceText(String query, String value) throws Exception {
        TextInputControl f = (TextInputControl) node(query);
        FxToolkit.setupFixture(() -> {
            f.requestFocus();
            f.setText(value);
            f.positionCaret(value.length());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            Path png = Path.of("target", "ui-failures", what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
            shotTo(png);
            throw new AssertionError("timed out waiting for: " + what + " (notification: '" + text("#notification")
                    + "', status: '" + text("#statusIndicator") + "'); screenshot " + png.toAbsolutePath(), e);
        }
    }

    private void shot(String name) {
        Path docs = Screenshots.docsDir();
        shotTo((docs == null ? tmp : docs).resolve(name + ".png"));
    }

    private void shotTo(Path png) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), png);
    }

    @SuppressWarnings("unused")
    private Button button(String id) {
        return (Button) node(id);
    }
}
