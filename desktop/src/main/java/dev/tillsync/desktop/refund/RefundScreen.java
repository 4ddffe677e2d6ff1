package dev.tillsync.desktop.refund;

import dev.tillsync.core.master.Unit;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.returns.ReturnableLine;
import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.sale.ReceiptPreview;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Refund or return against a sale: the cashier scans the receipt's barcode (or types its number, or comes from Sales
 * History), sees each line with what is left to return, types the quantities coming back, and confirms; the money
 * goes back to the sale's tender (a card sale to the card). Nothing is recorded until the confirmation.
 */
public final class RefundScreen implements Screen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final PosWindow pos;
    private final TextField number = Ui.field("refundInvoice", "Scan the receipt's barcode or type its number");
    private final Label sale = Ui.label("refundSale", "Scan the receipt or type the invoice number, then Enter.", "muted");
    private final GridPane grid = new GridPane();
    private final Label total = Ui.label("refundTotal", "", "total-small");
    private final Label error = Ui.label("refundError", "", "error-text");
    private final Button refund;
    private final Map<Integer, TextField> qty = new HashMap<>();
    private final List<TextField> order = new ArrayList<>();
    private final VBox view;
    private ReturnableInvoice invoice;
    private RefundPlan plan;
    private long cashIncrement;

    private record Found(ReturnableInvoice invoice, long cashIncrement) {}

    public RefundScreen(PosWindow pos, String invoiceNumber) {
        this.pos = pos;
        number.setOnAction(e -> find());
        number.setPrefColumnCount(22);
        grid.setId("refundLines");
        grid.setHgap(18);
        grid.setVgap(8);
        refund = Ui.button("refundButton", "Refund (F12)", this::confirm);
        refund.setDisable(true);
        view = new VBox(14, Ui.heading("Refund or return"),
                Ui.row(number, Ui.button("refundFind", "Find (Enter)", this::find)), sale, grid, total, error,
                Ui.row(refund, Ui.spacer(), Ui.button("refundBack", "Back (Esc)", pos::afterLogin)));
        view.setPadding(new Insets(16));
        view.setId("refundScreen");
        if (invoiceNumber != null) number.setText(invoiceNumber);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        if (!number.getText().isBlank()) find();
        number.requestFocus();
    }

    @Override
    public void refocus() {
        if (order.isEmpty()) number.requestFocus();
        else order.get(0).requestFocus();
    }

    @Override
    public boolean onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F12) {
            confirm();
            return true;
        }
        return false;
    }

    private void find() {
        String n = number.getText();
        error.setText("");
        pos.background().run(() -> new Found(ReturnLookup.find(pos.terminal(), n), pos.terminal().cashRoundingIncrement()), f -> {
            cashIncrement = f.cashIncrement();
            show(f.invoice());
        }, ex -> {
            error.setText(Background.message(ex));
            number.selectAll();
            number.requestFocus();
        });
    }

    private void show(ReturnableInvoice inv) {
        invoice = inv;
        number.setText(inv.number());
        String paid = inv.payments().stream().map(p -> p.mode() + " " + MoneyText.of(p.amountMinor())).collect(Collectors.joining(", "));
        sale.setText("Sale " + inv.number() + " · " + TIME.format(inv.postedAt()) + " · paid " + paid
                + (inv.customerNumber() == null ? "" : " · customer " + inv.customerNumber()));
        grid.getChildren().clear();
        qty.clear();
        order.clear();
        String[] heads = {"Item", "Price", "Sold", "Returned", "Left", "Return now"};
        for (int c = 0; c < heads.length; c++) grid.add(Ui.label(null, heads[c], "muted"), c, 0);
        int row = 1;
        for (ReturnableLine l : inv.lines()) {
            grid.add(new Label(l.itemName() + " (" + l.itemCode() + ")"), 0, row);
            grid.add(new Label(MoneyText.of(l.rateMinor())), 1, row);
            grid.add(new Label(units(l.qtyMilli())), 2, row);
            grid.add(new Label(units(l.returnedMilli())), 3, row);
            Label left = new Label(units(l.leftMilli()));
            left.setId("returnLeft-" + l.lineNo());
            grid.add(left, 4, row);
            TextField f = Ui.field("returnQty-" + l.lineNo(), l.leftMilli() == 0 ? "all back" : "0");
            f.setPrefColumnCount(5);
            f.setDisable(l.leftMilli() == 0);
            f.textProperty().addListener((o, a, b) -> recompute());
            f.setOnAction(e -> next(f));
            grid.add(f, 5, row);
            qty.put(l.lineNo(), f);
            if (!f.isDisabled()) order.add(f);
            row++;
        }
        recompute();
        if (order.isEmpty()) error.setText("Everything on " + inv.number() + " has already come back: nothing is left to return.");
        if (!pos.overlay().isOpen()) refocus(); // a receipt on top keeps the keyboard until it is closed

    }

    private static String units(long milli) {
        return Unit.format(milli);
    }

    /** Enter in a quantity goes to the next line's; on the last it asks to confirm. */
    private void next(TextField f) {
        int i = order.indexOf(f);
        if (i >= 0 && i + 1 < order.size()) order.get(i + 1).requestFocus();
        else confirm();
    }

    private void recompute() {
        plan = null;
        refund.setDisable(true);
        if (invoice == null) return;
        Map<Integer, Long> chosen = new HashMap<>();
        for (ReturnableLine l : invoice.lines()) {
            TextField f = qty.get(l.lineNo());
            String t = f == null ? "" : f.getText().strip();
            if (t.isEmpty()) continue;
            long q;
            Unit unit = Unit.parse(l.unit()).orElse(Unit.UNIT);
            try {
                q = new java.math.BigDecimal(t.replace(',', '.')).movePointRight(3).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                q = -1;
            }
            if (q < 0 && !t.startsWith("-") || q >= 0 && !unit.allows(q)) {
                total.setText("");
                error.setText("'" + t + "' for " + l.itemName() + " is not " + (unit.measured() ? "a quantity in " + unit.code() + ", e.g. 0.5"
                        : "a whole number of units: type how many come back, e.g. 1") + ".");
                return;
            }
            if (q < 0) {
                total.setText("");
                error.setText("Type how many " + l.itemName() + " come back as a positive number (or 0).");
                return;
            }
            if (q > l.leftMilli()) {
                total.setText("");
                error.setText("Only " + units(l.leftMilli()) + " of " + l.itemName() + " can come back on this sale ("
                        + units(l.qtyMilli()) + " sold, " + units(l.returnedMilli()) + " already returned).");
                return;
            }
            chosen.put(l.lineNo(), q);
        }
        error.setText("");
        RefundPlan p = new RefundPlan(invoice, chosen, cashIncrement);
        if (p.isEmpty()) {
            total.setText("Type the quantity coming back on each line (Tab or Enter to the next line).");
            return;
        }
        plan = p;
        total.setText("Refund " + MoneyText.of(p.amountMinor()) + " " + tenders(p));
        refund.setDisable(false);
    }

    private static String tenders(RefundPlan p) {
        return "to " + p.byTender().entrySet().stream().map(e -> e.getKey() + " " + MoneyText.of(e.getValue()))
                .collect(Collectors.joining(" and "));
    }

    private void confirm() {
        if (plan == null) {
            if (invoice == null) error.setText("Find the sale first: scan its receipt or type its number.");
            else if (error.getText().isEmpty()) error.setText("Choose what comes back: type a quantity on at least one line.");
            return;
        }
        RefundPlan p = plan;
        String lines = p.request().items().stream().map(i -> Unit.format(i.qtyMilli()) + " × " + i.codeOrBarcode()).collect(Collectors.joining(", "));
        Button ok = Ui.button("confirmRefund", "Refund " + MoneyText.of(p.amountMinor()) + " (Enter)", () -> record(p));
        ok.setDefaultButton(true);
        pos.overlay().show("refundConfirm", new VBox(14, Ui.heading("Confirm the refund"),
                Ui.label("refundConfirmText", "Return " + lines + " from " + p.sale().number() + ".\nGive back "
                        + MoneyText.of(p.amountMinor()) + " " + tenders(p) + ".", "subheading"),
                Ui.row(ok, Ui.button("cancelRefund", "Back (Esc)", pos.overlay()::close))), pos.overlay()::close);
        ok.requestFocus();
    }

    private void record(RefundPlan p) {
        refund.setDisable(true);
        pos.background().inOrder(() -> pos.terminal().recordReturn(p.request()), receipt -> {
            pos.overlay().close();
            pos.notifier().info("Refunded " + MoneyText.of(p.amountMinor()) + " " + tenders(p) + " (" + receipt.number() + ")");
            find(); // what is left now
            new ReceiptPreview(pos, receipt).open();
        }, ex -> {
            pos.overlay().close();
            error.setText(Background.message(ex));
            recompute();
        });
    }
}
