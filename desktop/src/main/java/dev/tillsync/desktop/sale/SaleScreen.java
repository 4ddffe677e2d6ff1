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
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selling screen. The scan field keeps the focus (a USB scanner types the code and Enter); everything
 * else is a key or a big button. Lines are looked up by the engine; the sale is recorded only on payment.
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

    public SaleScreen(PosWindow pos) {
        this.pos = pos;
        scan.setOnAction(e -> onScan());
        scan.getStyleClass().add("scan");
        scan.addEventFilter(KeyEvent.KEY_PRESSED, this::onScanKey);

        table.setId("cartTable");
        table.setFocusTraversable(false);
        table.setPlaceholder(new Label("Scan an item to start a sale"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("Item", 320, l -> l.item().name() + "  (" + l.item().code() + ")"));
        table.getColumns().add(col("Qty", 70, l -> String.valueOf(l.qty())));
        table.getColumns().add(col("Price", 100, l -> MoneyText.of(l.item().priceMinor())));
        table.getColumns().add(col("Tax", 70, l -> l.item().taxRateBp() / 100.0 + "%"));
        table.getColumns().add(col("Total", 110, l -> MoneyText.of(l.totalMinor())));
        VBox.setVgrow(table, Priority.ALWAYS);
        cart.lines().addListener((ListChangeListener<CartLine>) c -> renderTotals());

        Button minus = Ui.quick("qtyMinus", "− 1", () -> changeQty(-1));
        Button plus = Ui.quick("qtyPlus", "+ 1", () -> changeQty(+1));
        Button remove = Ui.quick("removeLineButton", "Remove line (Del)", this::removeLine);
        minus.setMaxWidth(Region.USE_PREF_SIZE);
        plus.setMaxWidth(Region.USE_PREF_SIZE);
        remove.setMaxWidth(Region.USE_PREF_SIZE);

        GridPane totals = new GridPane();
        totals.setHgap(18);
        totals.addRow(0, Ui.label(null, "Net", "muted"), net);
        totals.addRow(1, Ui.label(null, "Tax", "muted"), tax);
        totals.addRow(2, Ui.label(null, "Total", "total-label"), grand);
        totals.setAlignment(Pos.CENTER_RIGHT);

        VBox left = new VBox(12, scan, Ui.row(customerLabel), table,
                Ui.row(minus, plus, remove, Ui.spacer(), totals), lastSale);
        left.setPadding(new Insets(16));

        pay = Ui.quick("payButton", "Pay (F12)", this::openPayment);
        pay.getStyleClass().add("primary");
        pay.setMinHeight(88);
        VBox quick = new VBox(10, pay,
                Ui.quick("searchButton", "Search (F2)", this::openSearch),
                Ui.quick("customerButton", "Customer (F4)", this::openCustomer),
                Ui.quick("historyButton", "History (F8)", pos::showHistory),
                Ui.quick("offlineSyncButton", "Offline sync (F9)", pos::openSync),
                Ui.quick("clearSaleButton", "Clear sale", this::clearSale),
                Ui.quick("lockButton", "Lock", pos::lock),
                Ui.quick("closeShiftButton", "Close shift", pos::showCloseShift));
        quick.setId("quickMenu");
        quick.getStyleClass().add("quick");
        quick.setPrefWidth(230);
        quick.setMinWidth(200);
        quick.setPadding(new Insets(16));
        view.setCenter(left);
        view.setRight(quick);
        view.setId("saleScreen");
        renderTotals();
    }

    private static TableColumn<CartLine, String> col(String title, double width, java.util.function.Function<CartLine, String> f) {
        TableColumn<CartLine, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
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
        }
        refocus();
    }

    /** When nothing else asked for the keyboard, it goes back to the scan field. */
    private void keepScanFocus() {
        view.getScene().focusOwnerProperty().addListener((o, was, now) -> {
            if (view.getScene() == null || pos.overlay().isOpen()) return;
            if (now == null || !(now instanceof TextInputControl)) javafx.application.Platform.runLater(this::refocus);
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
            case F4 -> openCustomer();
            case F12 -> openPayment();
            case ESCAPE -> scan.clear();
            default -> { return false; }
        }
        return true;
    }

    private void onScanKey(KeyEvent e) {
        if (e.getCode() == KeyCode.DELETE && scan.getText().isEmpty()) {
            removeLine();
            e.consume();
        } else if ((e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.PLUS) && scan.getText().isEmpty()) {
            changeQty(+1);
            e.consume();
        } else if ((e.getCode() == KeyCode.SUBTRACT || e.getCode() == KeyCode.MINUS) && scan.getText().isEmpty()) {
            changeQty(-1);
            e.consume();
        } else if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
            int i = table.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (i >= 0 && i < cart.lines().size()) table.getSelectionModel().select(i);
            e.consume();
        }
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

    private void changeQty(int delta) {
        int i = selectedOrLast();
        if (i < 0) return;
        cart.setQty(i, cart.lines().get(i).qty() + delta);
        if (i < cart.lines().size()) table.getSelectionModel().select(i);
        refocus();
    }

    private void removeLine() {
        int i = selectedOrLast();
        if (i >= 0) cart.remove(i);
        refocus();
    }

    private void clearSale() {
        cart.clear();
        setCustomer(null);
        refocus();
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
