package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.terminal.CartQuote;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
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
    private final Label discount = Ui.label("discountTotal", "", "total-small");
    private final Label discountTitle = Ui.label(null, "", "muted");
    private final Label saleDiscountLabel = Ui.label("saleDiscountLabel", "", "customer");
    private final Label lastSale = Ui.label("lastSale", "", "muted");
    private final Button pay;
    private final BorderPane view = new BorderPane();
    private Customer customer;
    private boolean blocked;
    private boolean focusHooked;
    private Item warmItem;
    private String lastNotes = "";
    private String approverLogin;

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

        Button minus = Ui.quick("qtyMinus", "− 1  (−)", () -> changeQty(-1));
        Button plus = Ui.quick("qtyPlus", "+ 1  (+)", () -> changeQty(+1));
        Button qty = Ui.quick("qtyButton", "Qty (F3 / *)", this::openQuantity);
        Button remove = Ui.quick("removeLineButton", "Void line (Del)", this::removeLine);
        Button lineDisc = Ui.quick("lineDiscountButton", "Line disc. (F5)", this::openLineDiscount);
        Button saleDisc = Ui.quick("saleDiscountButton", "Sale disc. (F6)", this::openSaleDiscount);
        for (Button b : List.of(minus, plus, qty, remove, lineDisc, saleDisc)) {
            b.setMaxWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(true);
        }

        GridPane totals = new GridPane();
        totals.setHgap(18);
        totals.addRow(0, discountTitle, discount);
        totals.addRow(1, Ui.label(null, "Net", "muted"), net);
        totals.addRow(2, Ui.label(null, "Tax", "muted"), tax);
        totals.addRow(3, Ui.label(null, "Total", "total-label"), grand);
        totals.setAlignment(Pos.CENTER_RIGHT);

        VBox left = new VBox(12, scan, Ui.row(customerLabel, Ui.spacer(), saleDiscountLabel), table,
                Ui.row(new VBox(8, Ui.row(minus, plus, qty, remove), Ui.row(lineDisc, saleDisc)), Ui.spacer(), totals), lastSale);
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
                Ui.quick("parkButton", "Park (Ctrl+P)", this::park),
                Ui.quick("parkedButton", "Parked (Ctrl+R)", this::openParked),
                Ui.quick("lockButton", "Lock (Ctrl+L)", pos::lock),
                Ui.quick("closeShiftButton", "Close shift (F11)", pos::showCloseShift));
        // Tab walks the buttons (Enter or Space presses one); a click on one still leaves the keyboard to the scan field.
        for (Node n : quick.getChildren()) n.setFocusTraversable(true);
        List.of(quick.getChildren(), List.<Node>of(minus, plus, qty, remove, lineDisc, saleDisc)).forEach(ns -> ns.forEach(n ->
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
                pos.terminal().quote(List.of(new dev.tillsync.terminal.SaleItem(it.code(), 1)), null, null);
            } else {
                pos.terminal().findItem("0");
            }
            return some;
        }, this::warmUpScreen, e -> { });
    }

    private static void addColumns(TableView<CartLine> t) {
        t.getColumns().add(col("Item", 300, l -> l.item().name() + "  (" + l.item().code() + ")"));
        t.getColumns().add(col("Qty", 100, CartLine::qtyText));
        t.getColumns().add(col("Price", 100, l -> MoneyText.of(l.priced() == null ? l.item().priceMinor() : l.priced().rateMinor())
                + (l.item().measured() ? "/" + l.item().unit() : "")));
        t.getColumns().add(col("Tax", 70, l -> l.item().taxRateBp() / 100.0 + "%"));
        t.getColumns().add(col("Discount", 110, l -> l.priced() == null ? (l.discount() == null ? "" : "…")
                : l.priced().lineDiscountMinor() + l.priced().saleDiscountMinor() == 0 ? ""
                : "−" + MoneyText.of(l.priced().lineDiscountMinor() + l.priced().saleDiscountMinor())));
        t.getColumns().add(col("Total", 110, l -> l.totalMinor() == null ? "…" : MoneyText.of(l.totalMinor())));
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
            case F5 -> openLineDiscount();
            case F6 -> { if (e.isShiftDown()) return false; openSaleDiscount(); } // Shift+F6 is the window's refund key
            case P -> { if (e.isShortcutDown()) park(); else return redirect(e); }
            case R -> { if (e.isShortcutDown()) openParked(); else return redirect(e); }
            case F7 -> clearSale();
            case F11 -> pos.showCloseShift();
            case F12 -> openPayment();
            case ESCAPE -> {
                scan.clear();
                scan.requestFocus();
            }
            default -> {
                return redirect(e);
            }
        }
        return true;
    }

    /** A scanner (or the cashier) typing while a button has the focus: the code goes to the scan field. */
    private boolean redirect(KeyEvent e) {
        if (!scan.isFocused() && !scan.isDisabled() && (e.getCode().isLetterKey() || e.getCode().isDigitKey())
                && !e.isShortcutDown() && !e.isAltDown()) {
            scan.requestFocus();
        }
        return false;
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
        final boolean typedQty = star > 0;
        pos.background().inOrder(() -> pos.terminal().scan(wanted), found -> {
            Item item = found.item();
            if (!item.active()) {
                pos.notifier().error(item.name() + " is disabled and cannot be sold.");
            } else if (item.cannotSellReason().isPresent()) {
                pos.notifier().error(item.cannotSellReason().get());
            } else if (found.qtyMilli() != null) {
                addMilli(item, found.qtyMilli()); // a scale label: sold at its weight (or the weight its price makes)
            } else if (item.measured() && !typedQty) {
                askWeight(item);
            } else {
                addItem(item, units);
            }
        }, e -> pos.notifier().error(Background.message(e)));
    }

    public void addItem(Item item, long qty) {
        if (item.measured()) {
            askWeight(item);
            return;
        }
        addMilli(item, Math.multiplyExact(qty, 1000L));
    }

    private void addMilli(Item item, long qtyMilli) {
        int i = cart.add(item, qtyMilli);
        table.getSelectionModel().select(i);
        table.scrollTo(i);
        changed();
    }

    /** A measured item scanned without a scale label: the cashier types its weight (in the item's unit, e.g. 1.250). */
    private void askWeight(Item item) {
        new QuantityDialog(pos, item, null, q -> addMilli(item, q)).open();
    }

    /** The cart changed: ask the engine for its figures (in order with the scans, so the last answer is for the last cart). */
    private void changed() {
        renderTotals();
        List<dev.tillsync.terminal.SaleItem> items = cart.saleItems();
        dev.tillsync.core.pricing.Discount saleDiscount = cart.saleDiscount();
        String customerNumber = customer == null ? null : customer.number();
        if (items.isEmpty()) return;
        pos.background().inOrder(() -> pos.terminal().quote(items, saleDiscount, customerNumber), q -> {
            int sel = table.getSelectionModel().getSelectedIndex();
            if (cart.priced(items, saleDiscount, q)) {
                if (sel >= 0) table.getSelectionModel().select(sel);
                renderTotals();
                String notes = String.join(" ", q.notes());
                if (!notes.equals(lastNotes) && !notes.isBlank()) pos.notifier().show(dev.tillsync.desktop.shell.Notifier.Kind.INFO, notes);
                lastNotes = notes;
            }
        }, e -> pos.notifier().error("Cannot price the cart: " + Background.message(e)));
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
        if (line.item().measured()) {
            openQuantity(); // a weight is typed, never stepped by whole units
            return;
        }
        if (line.qty() + delta < 1) {
            voidLine(i, "removeLastUnit", "Remove " + line.item().name() + "?",
                    "This is its last unit. Enter takes the line off the sale (with the reason below); Esc keeps it.");
            return;
        }
        cart.setQty(i, line.qty() + delta);
        table.getSelectionModel().select(i);
        changed();
        refocus();
    }

    private void openQuantity() {
        int i = selectedOrLast();
        if (i < 0) {
            pos.notifier().error("The cart is empty: scan an item first, then F3 sets its quantity.");
            return;
        }
        CartLine line = cart.lines().get(i);
        new QuantityDialog(pos, line.item(), line.qtyMilli(), q -> {
            int at = cart.lines().indexOf(line);
            if (at < 0) return;
            cart.setQtyMilli(at, q);
            table.getSelectionModel().select(at);
            changed();
        }).open();
    }

    private void removeLine() {
        int i = selectedOrLast();
        if (i < 0) return;
        CartLine line = cart.lines().get(i);
        voidLine(i, "voidLineConfirm", "Void " + line.item().name() + " (" + line.qtyText() + ")?",
                "Enter takes the line off the sale and logs the reason below; Esc keeps it.");
    }

    /** A line taken off the cart is logged with its reason (event log void_line), then removed. */
    private void voidLine(int i, String id, String question, String detail) {
        CartLine line = cart.lines().get(i);
        ConfirmDialog.askReason(pos, id, question, detail, "Remove line", "Scanned by mistake", reason ->
                pos.background().inOrder(() -> {
                    pos.terminal().voidLine(line.saleItem(), reason);
                    return true;
                }, ok -> {
                    int at = cart.lines().indexOf(line);
                    if (at >= 0) {
                        cart.remove(at);
                        selectAfterRemoval(at);
                        changed();
                    }
                }, e -> pos.notifier().error("Line not voided: " + Background.message(e))));
    }

    private void selectAfterRemoval(int i) {
        if (cart.isEmpty()) return;
        table.getSelectionModel().select(Math.min(i, cart.lines().size() - 1));
    }

    /** A whole cart is a customer's worth of scanning: it goes only after the cashier confirms, with a reason in the event log. */
    private void clearSale() {
        if (cart.isEmpty() && customer == null) {
            refocus();
            return;
        }
        int lines = cart.lines().size();
        CartQuote q = cart.quote();
        List<SaleItem> items = cart.saleItems();
        ConfirmDialog.askReason(pos, "clearSaleConfirm", "Clear this sale?",
                lines + (lines == 1 ? " line" : " lines") + (q == null ? "" : ", total " + MoneyText.of(q.totalMinor()))
                        + (customer == null ? "" : ", customer " + customer.name())
                        + ". Enter voids it (nothing is sold; the reason is logged); Esc keeps it.", "Clear sale", "Customer left", reason ->
                        pos.background().inOrder(() -> {
                            if (!items.isEmpty()) pos.terminal().voidSale(reason, items);
                            return true;
                        }, ok -> resetSale(), e -> pos.notifier().error("Sale not voided: " + Background.message(e))));
    }

    private void resetSale() {
        cart.clear();
        approverLogin = null;
        setCustomer(null);
        renderTotals();
    }

    void setCustomer(Customer c) {
        boolean changedCustomer = !java.util.Objects.equals(customer == null ? null : customer.number(), c == null ? null : c.number());
        customer = c;
        customerLabel.setText("Customer: " + (c == null ? "Walk-in" : c.name() + " (" + c.number() + ")"));
        if (changedCustomer && !cart.isEmpty()) changed(); // a customer's price list re-prices the cart; the quote's note says so
    }

    private void renderTotals() {
        CartQuote q = cart.quote();
        if (q == null && !cart.isEmpty()) {
            grand.setText("…");
            return;
        }
        net.setText(MoneyText.of(q == null ? 0 : q.netMinor()));
        tax.setText(MoneyText.of(q == null ? 0 : q.taxMinor()));
        grand.setText(MoneyText.of(q == null ? 0 : q.totalMinor()));
        boolean disc = q != null && q.discountMinor() != 0;
        discount.setText(disc ? "−" + MoneyText.of(q.discountMinor()) : "");
        discountTitle.setText(disc ? "Discounts" : "");
        saleDiscountLabel.setText(cart.saleDiscount() == null ? "" : "Sale discount: " + DiscountDialog.describe(cart.saleDiscount()));
    }

    private void openSearch() {
        new ItemSearchDialog(pos, item -> addItem(item, 1)).open();
    }

    private void openCustomer() {
        new CustomerDialog(pos, this::setCustomer).open();
    }

    /** F5: a discount on the selected line; checked by the engine's quote before it is applied. */
    private void openLineDiscount() {
        int i = selectedOrLast();
        if (i < 0) {
            pos.notifier().error("The cart is empty: scan an item first, then F5 gives it a discount.");
            return;
        }
        CartLine line = cart.lines().get(i);
        new DiscountDialog(pos, "Discount on " + line.item().name(), line.discount(), d -> {
            List<SaleItem> items = cart.saleItemsWith(i, d);
            String customerNumber = customer == null ? null : customer.number();
            Discount sale = cart.saleDiscount();
            return () -> pos.terminal().quote(items, sale, customerNumber);
        }, d -> {
            int at = cart.lines().indexOf(line);
            if (at < 0) return;
            cart.setDiscount(at, d);
            table.getSelectionModel().select(at);
            changed();
        }).open();
    }

    /** F6: a discount on the whole sale, spread over the lines by the engine. */
    private void openSaleDiscount() {
        if (cart.isEmpty()) {
            pos.notifier().error("The cart is empty: scan an item first, then F6 gives the sale a discount.");
            return;
        }
        new DiscountDialog(pos, "Discount on the whole sale", cart.saleDiscount(), d -> {
            List<SaleItem> items = cart.saleItems();
            String customerNumber = customer == null ? null : customer.number();
            return () -> pos.terminal().quote(items, d, customerNumber);
        }, d -> {
            cart.setSaleDiscount(d);
            changed();
        }).open();
    }

    /** Ctrl+P: the cart is put aside (it survives a restart) and the till is free for the next customer. */
    private void park() {
        if (cart.isEmpty()) {
            pos.notifier().error("The cart is empty: nothing to park.");
            return;
        }
        List<SaleItem> items = cart.saleItems();
        String customerNumber = customer == null ? null : customer.number();
        Discount sale = cart.saleDiscount();
        String label = (customer == null ? "Walk-in" : customer.name()) + ", " + items.size() + (items.size() == 1 ? " line" : " lines")
                + (cart.quote() == null ? "" : ", " + MoneyText.of(cart.quote().totalMinor()));
        pos.background().inOrder(() -> pos.terminal().park(items, customerNumber, sale, label), parked -> {
            resetSale();
            pos.notifier().show(dev.tillsync.desktop.shell.Notifier.Kind.SUCCESS, "Parked: " + parked.label() + " (Ctrl+R resumes it)");
        }, e -> pos.notifier().error("Not parked: " + Background.message(e)));
    }

    /** Ctrl+R: the parked carts; the one chosen comes back as it was entered, re-priced now. */
    private void openParked() {
        if (!cart.isEmpty()) {
            pos.notifier().error("Finish or park this sale first (Ctrl+P), then resume another.");
            return;
        }
        new ParkedSalesDialog(pos, this::resumed).open();
    }

    private void resumed(ParkedSale p, List<Item> items, Customer c) {
        resetSale();
        for (int i = 0; i < items.size(); i++) {
            SaleItem s = p.items().get(i);
            Item item = items.get(i);
            int at = cart.add(item, s.qtyMilli() == null ? 1000 : s.qtyMilli());
            if (s.discount() != null) cart.setDiscount(at, s.discount());
        }
        cart.setSaleDiscount(p.saleDiscount());
        setCustomer(c);
        if (!cart.isEmpty()) table.getSelectionModel().select(cart.lines().size() - 1);
        changed();
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
        List<SaleItem> items = cart.saleItems();
        Discount sale = cart.saleDiscount();
        String customerNumber = customer == null ? null : customer.number();
        record Ready(CartQuote quote, dev.tillsync.core.master.ProfileData profile) {}
        // priced again at the moment of paying: the dialog's total is the one the sale will be recorded with
        pos.background().inOrder(() -> new Ready(pos.terminal().quote(items, sale, customerNumber), pos.terminal().profile().orElse(null)), r -> {
            if (!cart.priced(items, sale, r.quote())) return;
            renderTotals();
            if (r.quote().approvalNeeded() && approverLogin == null) {
                new ApprovalDialog(pos, r.quote().approvalReasons(), login -> {
                    approverLogin = login;
                    openPayment();
                }).open();
                return;
            }
            String approver = r.quote().approvalNeeded() ? approverLogin : null;
            new PaymentDialog(pos, r.quote().totalMinor(), r.profile(), customer == null ? null : customer.name(),
                    payments -> new SaleRequest(items, customerNumber, payments, sale, approver), this::completed).open();
        }, e -> pos.notifier().error("Cannot price the cart: " + Background.message(e)));
    }

    private void completed(SaleReceipt receipt) {
        resetSale();
        lastSale.setText("Last sale " + receipt.number() + ": total " + MoneyText.of(receipt.grandTotalMinor())
                + ", change " + MoneyText.of(receipt.changeMinor()) + (receipt.offline() ? " (offline)" : ""));
        new ReceiptPreview(pos, receipt).open();
    }

    Cart cart() {
        return cart;
    }
}
