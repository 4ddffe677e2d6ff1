package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleReceipt;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selling screen. The scan field keeps the focus (a USB scanner types the code and Enter) unless the cashier
 * moves it on purpose (Tab, a click); a key typed for the cart (+, −, *, Del) acts on the selected line and never
 * reaches the scan field. Every action is a key shown on its button. Lines are looked up by the engine; the sale is
 * recorded only on payment.
 */
public final class SaleScreen implements Screen {
    private final PosWindow pos;
    private final Cart cart = new Cart();
    private final TextField scan = Ui.field("scanField", "Scan a barcode or type an item code, then Enter   (3*CODE for 3 units)");
    private final TableView<CartLine> table = new TableView<>(cart.lines());
    private final Label customerLabel = Ui.label("customerLabel", "Customer: Walk-in", "customer");
    private final Label net = Ui.label("netTotal", "", "total-small");
    private final Label tax = Ui.label("taxTotal", "", "total-small");
    private final Label grand = Ui.label("grandTotal", "", "total-big");
    private final Label lastSale = Ui.label("lastSale", "", "muted");
    private final Button pay;
    private final BorderPane view = new BorderPane();
    private Customer customer;
    private boolean blocked;
    private boolean focusHooked;
    private Item warmItem;

    public SaleScreen(PosWindow pos) {
        this.pos = pos;
        scan.setOnAction(e -> onScan());
        scan.getStyleClass().add("scan");
        scan.addEventFilter(KeyEvent.KEY_PRESSED, this::onScanKey);
        scan.addEventFilter(KeyEvent.KEY_TYPED, this::onScanTyped);

        table.setId("cartTable");
        table.setFocusTraversable(false);
        table.setPlaceholder(new Label("Scan an item to start a sale"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        addColumns(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        cart.lines().addListener((ListChangeListener<CartLine>) c -> renderTotals());

        Button minus = Ui.quick("qtyMinus", "− 1  (−)", () -> changeQty(-1));
        Button plus = Ui.quick("qtyPlus", "+ 1  (+)", () -> changeQty(+1));
        Button qty = Ui.quick("qtyButton", "Qty (F3 / *)", this::openQuantity);
        Button remove = Ui.quick("removeLineButton", "Remove line (Del)", this::removeLine);
        for (Button b : List.of(minus, plus, qty, remove)) {
            b.setMaxWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(true);
        }

        GridPane totals = new GridPane();
        totals.setHgap(18);
        totals.addRow(0, Ui.label(null, "Net", "muted"), net);
        totals.addRow(1, Ui.label(null, "Tax", "muted"), tax);
        totals.addRow(2, Ui.label(null, "Total", "total-label"), grand);
        totals.setAlignment(Pos.CENTER_RIGHT);

        VBox left = new VBox(12, scan, Ui.row(customerLabel), table,
                Ui.row(minus, plus, qty, remove, Ui.spacer(), totals), lastSale);
        left.setPadding(new Insets(16));

        pay = Ui.quick("payButton", "Pay (F12)", this::openPayment);
        pay.getStyleClass().add("primary");
        pay.setMinHeight(88);
        VBox quick = new VBox(10, pay,
                Ui.quick("searchButton", "Search (F2)", this::openSearch),
                Ui.quick("customerButton", "Customer (F4)", this::openCustomer),
                Ui.quick("historyButton", "History (F8)", pos::showHistory),
                Ui.quick("offlineSyncButton", "Offline sync (F9)", pos::openSync),
                Ui.quick("clearSaleButton", "Clear sale (F7)", this::clearSale),
                Ui.quick("lockButton", "Lock (Ctrl+L)", pos::lock),
                Ui.quick("closeShiftButton", "Close shift (F11)", pos::showCloseShift));
        // Tab walks the buttons (Enter or Space presses one); a click on one still leaves the keyboard to the scan field.
        for (Node n : quick.getChildren()) n.setFocusTraversable(true);
        List.of(quick.getChildren(), List.<Node>of(minus, plus, qty, remove)).forEach(ns -> ns.forEach(n ->
                n.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> javafx.application.Platform.runLater(this::refocus))));
        quick.setId("quickMenu");
        quick.getStyleClass().add("quick");
        quick.setPrefWidth(230);
        quick.setMinWidth(200);
        quick.setPadding(new Insets(16));
        view.setCenter(left);
        view.setRight(quick);
        view.setId("saleScreen");
        view.addEventFilter(KeyEvent.KEY_TYPED, this::typedElsewhere);
        renderTotals();
        warmUp();
    }

    /**
     * The first scan of the day must be as quick as the hundredth: look an item up once (store, statements, item
     * mapping) and build one cart line (invoice arithmetic) before the cashier scans.
     */
    private void warmUp() {
        pos.background().run(() -> {
            List<Item> some = pos.terminal().searchItems("", 1);
            if (!some.isEmpty()) {
                Item it = some.get(0);
                pos.terminal().findItem(it.barcodes().isEmpty() ? it.code() : it.barcodes().get(0));
                new CartLine(it, 1).totalMinor();
            } else {
                pos.terminal().findItem("0");
            }
            return some;
        }, this::warmUpScreen, e -> { });
    }

    private static void addColumns(TableView<CartLine> t) {
        t.getColumns().add(col("Item", 320, l -> l.item().name() + "  (" + l.item().code() + ")"));
        t.getColumns().add(col("Qty", 70, l -> String.valueOf(l.qty())));
        t.getColumns().add(col("Price", 100, l -> MoneyText.of(l.item().priceMinor())));
        t.getColumns().add(col("Tax", 70, l -> l.item().taxRateBp() / 100.0 + "%"));
        t.getColumns().add(col("Total", 110, l -> MoneyText.of(l.totalMinor())));
    }

    private static TableColumn<CartLine, String> col(String title, double width, java.util.function.Function<CartLine, String> f) {
        TableColumn<CartLine, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    /**
     * The first cart row is the costly one to lay out (row and cell skins, their styles): lay one out in the real table
     * once, inside one FX event, so it is never drawn and the cart is as it was.
     */
    private void warmUpScreen(List<Item> some) {
        if (!some.isEmpty()) warmItem = some.get(0);
        if (warmItem == null || view.getScene() == null || !cart.isEmpty()) return;
        CartLine probe = new CartLine(warmItem, 1);
        warmItem = null;
        cart.lines().add(probe);
        view.applyCss();
        view.layout();
        cart.lines().remove(probe);
        view.layout();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        if (!focusHooked && view.getScene() != null) {
            keepScanFocus();
            focusHooked = true;
            warmUpScreen(List.of());
        }
        refocus();
    }

    /** When nothing asked for the keyboard, it goes back to the scan field; a button the cashier tabbed to keeps it. */
    private void keepScanFocus() {
        view.getScene().focusOwnerProperty().addListener((o, was, now) -> {
            if (view.getScene() == null || pos.overlay().isOpen()) return;
            if (now == null || !(now instanceof TextInputControl || now instanceof ButtonBase)) {
                javafx.application.Platform.runLater(this::refocus);
            }
        });
    }

    @Override
    public void refocus() {
        if (view.getScene() != null && !pos.overlay().isOpen()) scan.requestFocus();
    }

    public void salesBlocked(boolean blocked) {
        this.blocked = blocked;
        pay.setDisable(blocked);
        scan.setDisable(blocked);
    }

    @Override
    public boolean onKey(KeyEvent e) {
        switch (e.getCode()) {
            case F2 -> openSearch();
            case F3 -> openQuantity();
            case F4 -> openCustomer();
            case F7 -> clearSale();
            case F11 -> pos.showCloseShift();
            case F12 -> openPayment();
            case ESCAPE -> {
                scan.clear();
                scan.requestFocus();
            }
            default -> {
                // a scanner (or the cashier) typing while a button has the focus: the code goes to the scan field
                if (!scan.isFocused() && !scan.isDisabled() && (e.getCode().isLetterKey() || e.getCode().isDigitKey())
                        && !e.isShortcutDown() && !e.isAltDown()) {
                    scan.requestFocus();
                }
                return false;
            }
        }
        return true;
    }

    private void onScanKey(KeyEvent e) {
        if (e.getCode() == KeyCode.DELETE && scan.getText().isEmpty()) {
            removeLine();
            e.consume();
        } else if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
            int i = table.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (i >= 0 && i < cart.lines().size()) table.getSelectionModel().select(i);
            e.consume();
        }
    }

    /**
     * The cart keys work on the typed character (main keyboard, keypad or Shift+=), and the character is consumed, so
     * the scan field never keeps a '-' that would spoil the next scan. With text in the field they are part of it
     * ("3*CODE").
     */
    private void onScanTyped(KeyEvent e) {
        if (!scan.getText().isEmpty()) return;
        switch (e.getCharacter()) {
            case "+" -> changeQty(+1);
            case "-", "\u2212" -> changeQty(-1);
            case "*" -> openQuantity();
            default -> { return; }
        }
        e.consume();
    }

    /** A code typed while a tabbed-to button has the focus: a scanner does not know where the focus is, so it goes to the scan field. */
    private void typedElsewhere(KeyEvent e) {
        if (e.getTarget() == scan || scan.isDisabled() || pos.overlay().isOpen()) return;
        String ch = e.getCharacter();
        if (ch.length() != 1 || !Character.isLetterOrDigit(ch.charAt(0)) || e.isShortcutDown() || e.isAltDown()) return;
        scan.requestFocus();
        scan.appendText(ch);
        scan.positionCaret(scan.getLength());
        e.consume();
    }

    private void onScan() {
        String text = scan.getText().trim();
        scan.clear();
        if (text.isEmpty()) return;
        if (blocked) {
            pos.notifier().error("New sales are blocked while this terminal is being unlinked.");
            return;
        }
        long qty = 1;
        String code = text;
        int star = text.indexOf('*');
        if (star > 0) {
            try {
                qty = Long.parseLong(text.substring(0, star).trim());
                code = text.substring(star + 1).trim();
            } catch (NumberFormatException ex) {
                pos.notifier().error("'" + text + "': use QTY*CODE, e.g. 3*4006381333931.");
                return;
            }
        }
        final long units = qty;
        final String wanted = code;
        pos.background().inOrder(() -> pos.terminal().findItem(wanted), found -> {
            if (found.isEmpty()) {
                pos.notifier().error("No item with code or barcode '" + wanted + "'.");
            } else if (!found.get().active()) {
                pos.notifier().error(found.get().name() + " is disabled and cannot be sold.");
            } else if (found.get().cannotSellReason().isPresent()) {
                pos.notifier().error(found.get().cannotSellReason().get());
            } else {
                addItem(found.get(), units);
            }
        }, e -> pos.notifier().error(Background.message(e)));
    }

    public void addItem(Item item, long qty) {
        int i = cart.add(item);
        if (qty > 1) cart.setQty(i, cart.lines().get(i).qty() + qty - 1);
        table.getSelectionModel().select(i);
        table.scrollTo(i);
    }

    private int selectedOrLast() {
        int i = table.getSelectionModel().getSelectedIndex();
        return i >= 0 ? i : cart.lines().size() - 1;
    }

    /** −1 on the last unit asks before the line goes: a key pressed once too often must not silently lose an item. */
    private void changeQty(int delta) {
        int i = selectedOrLast();
        if (i < 0) {
            pos.notifier().error("The cart is empty: scan an item first.");
            return;
        }
        CartLine line = cart.lines().get(i);
        if (line.qty() + delta < 1) {
            ConfirmDialog.ask(pos, "removeLastUnit", "Remove " + line.item().name() + "?",
                    "This is its last unit. Enter takes the line off the sale; Esc keeps it.", "Remove line", () -> {
                        cart.remove(i);
                        selectAfterRemoval(i);
                    });
            return;
        }
        cart.setQty(i, line.qty() + delta);
        table.getSelectionModel().select(i);
        refocus();
    }

    private void openQuantity() {
        int i = selectedOrLast();
        if (i < 0) {
            pos.notifier().error("The cart is empty: scan an item first, then F3 sets its quantity.");
            return;
        }
        CartLine line = cart.lines().get(i);
        new QuantityDialog(pos, line.qty(), q -> {
            int at = cart.lines().indexOf(line);
            if (at < 0) return;
            cart.setQty(at, q);
            table.getSelectionModel().select(at);
        }).open(line.item().name());
    }

    private void removeLine() {
        int i = selectedOrLast();
        if (i >= 0) {
            cart.remove(i);
            selectAfterRemoval(i);
        }
        refocus();
    }

    private void selectAfterRemoval(int i) {
        if (cart.isEmpty()) return;
        table.getSelectionModel().select(Math.min(i, cart.lines().size() - 1));
    }

    /** A whole cart is a customer's worth of scanning: it goes only after the cashier confirms. */
    private void clearSale() {
        if (cart.isEmpty() && customer == null) {
            refocus();
            return;
        }
        int lines = cart.lines().size();
        ConfirmDialog.ask(pos, "clearSaleConfirm", "Clear this sale?",
                lines + (lines == 1 ? " line" : " lines") + ", total " + MoneyText.of(cart.grandTotalMinor())
                        + (customer == null ? "" : ", customer " + customer.name())
                        + ". Enter clears it (nothing is recorded); Esc keeps it.", "Clear sale", () -> {
                    cart.clear();
                    setCustomer(null);
                });
    }

    void setCustomer(Customer c) {
        customer = c;
        customerLabel.setText("Customer: " + (c == null ? "Walk-in" : c.name() + " (" + c.number() + ")"));
    }

    private void renderTotals() {
        net.setText(MoneyText.of(cart.netMinor()));
        tax.setText(MoneyText.of(cart.taxMinor()));
        grand.setText(MoneyText.of(cart.grandTotalMinor()));
    }

    private void openSearch() {
        new ItemSearchDialog(pos, item -> addItem(item, 1)).open();
    }

    private void openCustomer() {
        new CustomerDialog(pos, this::setCustomer).open();
    }

    private void openPayment() {
        if (blocked) {
            pos.notifier().error("New sales are blocked while this terminal is being unlinked.");
            return;
        }
        if (cart.isEmpty()) {
            pos.notifier().error("The cart is empty: scan an item first.");
            return;
        }
        new PaymentDialog(pos, cart, customer, this::completed).open();
    }

    private void completed(SaleReceipt receipt) {
        cart.clear();
        setCustomer(null);
        lastSale.setText("Last sale " + receipt.number() + ": total " + MoneyText.of(receipt.grandTotalMinor())
                + ", change " + MoneyText.of(receipt.changeMinor()) + (receipt.offline() ? " (offline)" : ""));
        new ReceiptPreview(pos, receipt).open();
    }

    Cart cart() {
        return cart;
    }

}
