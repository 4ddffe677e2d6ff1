package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * F12: take payment in one or more modes. Cash may exceed what is due (the change is shown); other modes
 * need a reference and cannot exceed it. The sale is recorded by the engine only when fully paid.
 */
final class PaymentDialog {
    private final PosWindow pos;
    private final Cart cart;
    private final Customer customer;
    private final Consumer<SaleReceipt> onDone;
    private final PaymentModel model;
    private final ToggleGroup modes = new ToggleGroup();
    private final HBox modeButtons = new HBox(10);
    private final TextField amount = Ui.field("tenderAmount", "Amount");
    private final TextField reference = Ui.field("tenderReference", "Card slip / reference");
    private final ListView<Tender> tenders = new ListView<>();
    private final Label due = Ui.label("amountDue", "", "total-big");
    private final Label paid = Ui.label("amountPaid", "", "total-small");
    private final Label change = Ui.label("changeDue", "", "total-small");
    private final Label error = Ui.label("paymentError", "", "error-text");
    private final Button add = Ui.button("addTenderButton", "Add payment (Enter)", this::addTender);
    private final Button complete = Ui.button("completeSaleButton", "Complete sale", this::complete);
    private boolean recording;

    PaymentDialog(PosWindow pos, Cart cart, Customer customer, Consumer<SaleReceipt> onDone) {
        this.pos = pos;
        this.cart = cart;
        this.customer = customer;
        this.onDone = onDone;
        this.model = new PaymentModel(cart.grandTotalMinor());
        modeButtons.setId("paymentModes");
        tenders.setId("tenderList");
        tenders.setItems(model.tenders());
        tenders.setPrefSize(520, 130);
        tenders.setFocusTraversable(false);
        tenders.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Tender t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.mode() + "   " + MoneyText.of(t.amountMinor())
                        + (t.reference() == null || t.reference().isBlank() ? "" : "   ref " + t.reference()));
            }
        });
        model.tenders().addListener((ListChangeListener<Tender>) c -> render());
        amount.setOnAction(e -> {
            if (model.fullyPaid()) complete();
            else addTender();
        });
        reference.setOnAction(e -> addTender());
        complete.getStyleClass().add("primary");
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            boolean cash = t == null || "Cash".equalsIgnoreCase((String) t.getUserData());
            reference.setDisable(cash);
            amount.setText(MoneyText.of(model.remainingMinor()));
            amount.requestFocus();
            amount.selectAll();
        });
    }

    void open() {
        GridPane sums = new GridPane();
        sums.setHgap(16);
        sums.setVgap(6);
        sums.addRow(0, Ui.label(null, "Due", "muted"), due);
        sums.addRow(1, Ui.label(null, "Paid", "muted"), paid);
        sums.addRow(2, Ui.label(null, "Change", "muted"), change);
        VBox content = new VBox(12, Ui.heading("Payment — total " + MoneyText.of(model.totalMinor())),
                Ui.label(null, customer == null ? "Walk-in customer" : "Customer: " + customer.name(), "muted"),
                sums, modeButtons, Ui.row(amount, reference, add), tenders,
                Ui.row(Ui.button("removeTenderButton", "Remove payment", this::removeTender), Ui.spacer(),
                        Ui.button("cancelPaymentButton", "Cancel (Esc)", this::cancel), complete), error);
        content.setPrefWidth(720);
        pos.overlay().show("paymentDialog", content, this::cancel);
        render();
        pos.background().run(() -> pos.terminal().paymentModes(), this::fillModes,
                e -> error.setText("Cannot read payment modes: " + Background.message(e)));
    }

    private void fillModes(List<String> names) {
        modeButtons.getChildren().clear();
        for (String m : names) {
            ToggleButton b = new ToggleButton(m);
            b.setId("pay" + m.replaceAll("[^A-Za-z0-9]", ""));
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.getStyleClass().addAll("big", "mode");
            b.setFocusTraversable(false);
            modeButtons.getChildren().add(b);
        }
        modeButtons.getChildren().stream().map(n -> (ToggleButton) n)
                .filter(b -> "Cash".equalsIgnoreCase((String) b.getUserData())).findFirst()
                .or(() -> modeButtons.getChildren().stream().map(n -> (ToggleButton) n).findFirst())
                .ifPresent(b -> b.setSelected(true));
    }

    private void render() {
        due.setText(MoneyText.of(model.remainingMinor()));
        paid.setText(MoneyText.of(model.paidMinor()));
        change.setText(MoneyText.of(model.changeMinor()));
        complete.setDisable(!model.fullyPaid() || recording);
        add.setDisable(model.fullyPaid() || recording);
        if (!model.fullyPaid()) {
            amount.setText(MoneyText.of(model.remainingMinor()));
            amount.selectAll();
        } else {
            amount.clear();
        }
    }

    private void addTender() {
        error.setText("");
        if (modes.getSelectedToggle() == null) {
            error.setText("Choose a payment mode.");
            return;
        }
        String mode = (String) modes.getSelectedToggle().getUserData();
        try {
            long minor = MoneyText.parse(amount.getText());
            boolean cash = "Cash".equalsIgnoreCase(mode);
            if (!cash && reference.getText().isBlank()) {
                error.setText("Enter the " + mode + " reference (slip number).");
                reference.requestFocus();
                return;
            }
            model.add(new Tender(mode, minor, cash ? null : reference.getText()));
            reference.clear();
            amount.requestFocus();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
        if (model.fullyPaid()) complete.requestFocus();
    }

    private void removeTender() {
        int i = tenders.getSelectionModel().getSelectedIndex();
        if (i < 0) i = model.tenders().size() - 1;
        if (i >= 0) model.remove(i);
    }

    private void cancel() {
        if (!recording) pos.overlay().close();
    }

    private void complete() {
        if (!model.fullyPaid() || recording) return;
        recording = true;
        render();
        SaleRequest request = new SaleRequest(cart.saleItems(), customer == null ? null : customer.number(), model.payments());
        pos.background().inOrder(() -> pos.terminal().recordSale(request), receipt -> {
            recording = false;
            pos.overlay().close();
            onDone.accept(receipt);
        }, e -> {
            recording = false;
            render();
            error.setText("Sale not recorded: " + Background.message(e));
        });
    }
}
