package dev.tillsync.desktop.sale;

import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * F12: take payment in one or more modes. Cash may exceed what is due (the change is shown large); other modes cannot
 * exceed it and need a reference only when the profile's payment mode says so. The modes are keys (F5, F6, F7): a
 * non-cash key pays the amount in the field (the rest, unless the cashier typed less) at once. The reference has its
 * own field, which a non-cash mode focuses, so a slip number never lands in Amount. The sale is recorded by the engine
 * only when fully paid.
 */
final class PaymentDialog {
    private static final KeyCode[] MODE_KEYS = {KeyCode.F5, KeyCode.F6, KeyCode.F7};
    private static final KeyCode[] NOTE_KEYS = {KeyCode.F8, KeyCode.F9, KeyCode.F10};

    private final PosWindow pos;
    private final String customerName;
    private final Function<List<Payment>, SaleRequest> request;
    private final Consumer<SaleReceipt> onDone;
    private final PaymentModel model;
    private final ToggleGroup modes = new ToggleGroup();
    private final List<PaymentModeData> modeList = new ArrayList<>();
    private final HBox modeButtons = new HBox(10);
    private final HBox quickCash = new HBox(10);
    private final List<Long> notes = new ArrayList<>();
    private final TextField amount = Ui.field("tenderAmount", "Amount");
    private final TextField reference = Ui.field("tenderReference", "Card slip / reference (optional)");
    private final ListView<Tender> tenders = new ListView<>();
    private final Label due = Ui.label("amountDue", "", "total-big");
    private final Label paid = Ui.label("amountPaid", "", "total-small");
    private final Label change = Ui.label("changeDue", "", "change-big");
    private final Label error = Ui.label("paymentError", "", "error-text");
    private final Button add = Ui.button("addTenderButton", "Add payment (Enter)", this::addTender);
    private final Button complete = Ui.button("completeSaleButton", "Complete sale (Enter)", this::complete);
    private final List<PaymentModeData> profileModes;
    private boolean recording;
    private String prefilled = "";

    /**
     * @param totalMinor the cart's total as the engine quoted it
     * @param profile    the POS profile (payment modes, cash rounding)
     * @param request    the sale to record with these payments
     */
    PaymentDialog(PosWindow pos, long totalMinor, ProfileData profile, String customerName,
                  Function<List<Payment>, SaleRequest> request, Consumer<SaleReceipt> onDone) {
        this.pos = pos;
        this.customerName = customerName;
        this.request = request;
        this.onDone = onDone;
        this.model = new PaymentModel(totalMinor, profile == null ? 0 : profile.cashRoundingMinor());
        this.profileModes = profile == null ? List.of() : profile.modes();
        modeButtons.setId("paymentModes");
        quickCash.setId("quickCash");
        tenders.setId("tenderList");
        tenders.setItems(model.tenders());
        tenders.setPrefSize(520, 110);
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
            PaymentModeData m = t == null ? null : (PaymentModeData) t.getUserData();
            boolean cash = m == null || PaymentModeData.CASH.equals(m.type());
            reference.setDisable(cash);
            reference.setPromptText(m == null || cash ? "Reference" : m.name() + " slip / reference" + (m.requiresReference() ? " (required)" : " (optional)"));
            // the prefilled amount follows the mode (cash is rounded); an amount the cashier typed stays
            if (!model.fullyPaid() && (amount.getText().isBlank() || amount.getText().equals(prefilled))) {
                prefill(cash ? model.cashRemainingMinor() : model.remainingMinor());
            }
            // the slip number is typed next: put the cursor where it belongs, never in Amount
            if (cash) {
                amount.requestFocus();
                amount.selectAll();
            } else {
                reference.requestFocus();
            }
        });
    }

    void open() {
        GridPane sums = new GridPane();
        sums.setHgap(16);
        sums.setVgap(6);
        sums.addRow(0, Ui.label(null, "Due", "muted"), due);
        sums.addRow(1, Ui.label(null, "Paid", "muted"), paid);
        Label changeTitle = Ui.label(null, "Change due", "change-title");
        VBox changeBox = new VBox(2, changeTitle, change);
        changeBox.setId("changeBox");
        changeBox.getStyleClass().add("change-box");
        HBox top = new HBox(24, sums, Ui.spacer(), changeBox);
        VBox content = new VBox(12, Ui.heading("Payment — total " + MoneyText.of(model.totalMinor())),
                Ui.label(null, customerName == null ? "Walk-in customer" : "Customer: " + customerName, "muted"),
                top, modeButtons, quickCash, Ui.row(amount, reference, add), tenders,
                Ui.row(Ui.button("removeTenderButton", "Remove payment", this::removeTender), Ui.spacer(),
                        Ui.button("cancelPaymentButton", "Cancel (Esc)", this::cancel), complete), error);
        content.setPrefWidth(820);
        content.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        pos.overlay().show("paymentDialog", content, this::cancel);
        render();
        amount.requestFocus();
        if (profileModes.isEmpty()) error.setText("This till has no payment modes yet: sync with the server first (F9).");
        fillModes(profileModes);
    }

    private void onKey(KeyEvent e) {
        for (int i = 0; i < MODE_KEYS.length; i++) {
            if (e.getCode() == MODE_KEYS[i]) {
                if (i < modeList.size()) payBy(modeList.get(i));
                e.consume();
                return;
            }
        }
        for (int i = 0; i < NOTE_KEYS.length; i++) {
            if (e.getCode() == NOTE_KEYS[i]) {
                if (i < notes.size()) cash(notes.get(i));
                e.consume();
                return;
            }
        }
    }

    private void fillModes(List<PaymentModeData> list) {
        modeList.clear();
        modeList.addAll(list);
        modeButtons.getChildren().clear();
        for (int i = 0; i < list.size(); i++) {
            PaymentModeData m = list.get(i);
            ToggleButton b = new ToggleButton(m.name() + (i < MODE_KEYS.length ? " (" + MODE_KEYS[i].getName() + ")" : ""));
            b.setId("pay" + m.name().replaceAll("[^A-Za-z0-9]", ""));
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.getStyleClass().addAll("big", "mode");
            b.setFocusTraversable(false);
            modeButtons.getChildren().add(b);
        }
        toggleOf(list.stream().filter(m -> PaymentModeData.CASH.equals(m.type())).findFirst().orElse(list.isEmpty() ? null : list.get(0)))
                .ifPresent(b -> b.setSelected(true));
        render();
    }

    private java.util.Optional<ToggleButton> toggleOf(PaymentModeData m) {
        return modeButtons.getChildren().stream().map(n -> (ToggleButton) n).filter(b -> b.getUserData() == m).findFirst();
    }

    /** A mode key: cash selects cash (Enter then pays what is in Amount); another mode pays at once unless its reference is required and missing. */
    private void payBy(PaymentModeData m) {
        if (model.fullyPaid() || recording) return;
        toggleOf(m).ifPresent(b -> b.setSelected(true));
        if (PaymentModeData.CASH.equals(m.type())) return;
        if (m.requiresReference() && reference.getText().isBlank()) {
            error.setText("Type the " + m.name() + " slip number, then Enter.");
            reference.requestFocus();
            return;
        }
        addTender();
    }

    /** A quick-cash button: that much cash is handed over. */
    private void cash(long minor) {
        if (model.fullyPaid() || recording) return;
        modeList.stream().filter(m -> PaymentModeData.CASH.equals(m.type())).findFirst().ifPresentOrElse(m -> {
            toggleOf(m).ifPresent(b -> b.setSelected(true));
            amount.setText(MoneyText.of(minor));
            addTender();
        }, () -> error.setText("This profile has no cash payment mode."));
    }

    private void render() {
        due.setText(MoneyText.of(cashSelected() ? model.cashRemainingMinor() : model.remainingMinor()));
        paid.setText(MoneyText.of(model.paidMinor()));
        change.setText(MoneyText.of(model.changeMinor()));
        complete.setDisable(!model.fullyPaid() || recording);
        complete.setDefaultButton(model.fullyPaid() && !recording);
        add.setDisable(model.fullyPaid() || recording);
        if (!model.fullyPaid()) {
            prefill(cashSelected() ? model.cashRemainingMinor() : model.remainingMinor());
        } else {
            amount.clear();
        }
        renderQuickCash();
    }

    private void renderQuickCash() {
        quickCash.getChildren().clear();
        notes.clear();
        boolean cashMode = modeList.stream().anyMatch(m -> PaymentModeData.CASH.equals(m.type()));
        if (model.fullyPaid() || !cashMode) return;
        long rest = model.cashRemainingMinor();
        Button exact = Ui.button("cashExact", "Exact " + MoneyText.of(rest), () -> cash(rest));
        exact.setFocusTraversable(false);
        quickCash.getChildren().addAll(Ui.label(null, "Cash:", "muted"), exact);
        notes.addAll(QuickCash.notes(rest, NOTE_KEYS.length));
        for (int i = 0; i < notes.size(); i++) {
            long note = notes.get(i);
            Button b = Ui.button("cashNote" + (i + 1), MoneyText.of(note) + " (" + NOTE_KEYS[i].getName() + ")", () -> cash(note));
            b.setFocusTraversable(false);
            quickCash.getChildren().add(b);
        }
        quickCash.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    private void addTender() {
        error.setText("");
        if (modes.getSelectedToggle() == null) {
            error.setText("Choose a payment mode (F5, F6).");
            return;
        }
        PaymentModeData mode = (PaymentModeData) modes.getSelectedToggle().getUserData();
        boolean cash = PaymentModeData.CASH.equals(mode.type());
        try {
            long minor = MoneyText.parse(amount.getText());
            model.add(new Tender(mode.name(), minor, cash ? null : reference.getText()), !cash && mode.requiresReference());
            reference.clear();
            amount.requestFocus();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            if (!cash && mode.requiresReference() && reference.getText().isBlank()) reference.requestFocus();
        }
        if (model.fullyPaid()) complete.requestFocus();
    }

    private void prefill(long minor) {
        prefilled = MoneyText.of(minor);
        amount.setText(prefilled);
        amount.selectAll();
    }

    private boolean cashSelected() {
        return modes.getSelectedToggle() == null
                || PaymentModeData.CASH.equals(((PaymentModeData) modes.getSelectedToggle().getUserData()).type());
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
        SaleRequest sale = request.apply(model.payments());
        pos.background().inOrder(() -> pos.terminal().recordSale(sale), receipt -> {
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
