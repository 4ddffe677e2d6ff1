package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.NewCustomer;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** F4: pick a customer, go back to walk-in, or quick-create one (numbered from this device's series, works offline). */
final class CustomerDialog {
    private final PosWindow pos;
    private final Consumer<Customer> onPick;
    private final TextField query = Ui.field("customerSearch", "Search by name, phone or number");
    private final ListView<Customer> results = new ListView<>();
    private final TextField name = Ui.field("newCustomerName", "Name");
    private final TextField phone = Ui.field("newCustomerPhone", "Phone (optional)");
    private final Label error = Ui.label("customerError", "", "error-text");

    CustomerDialog(PosWindow pos, Consumer<Customer> onPick) {
        this.pos = pos;
        this.onPick = onPick;
        results.setId("customerResults");
        results.setPrefSize(600, 260);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Customer c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + "   " + c.number() + (c.phone() == null ? "" : "   " + c.phone()));
            }
        });
        results.setOnMouseClicked(e -> {
            if (results.getSelectionModel().getSelectedItem() != null) pick(results.getSelectionModel().getSelectedItem());
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                pick(results.getSelectionModel().getSelectedItem());
            }
        });
        query.textProperty().addListener((o, a, t) -> search(t));
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            }
        });
        name.setOnAction(e -> create());
        phone.setOnAction(e -> create());
    }

    void open() {
        pos.overlay().show("customerDialog", new VBox(12, Ui.heading("Customer"), query, results,
                Ui.row(Ui.button("walkInButton", "Walk-in customer", () -> pick(null))),
                Ui.label(null, "New customer", "subheading"),
                Ui.row(name, phone, Ui.button("createCustomerButton", "Create and use", this::create)),
                error, Ui.row(Ui.button("customerCancel", "Close (Esc)", pos.overlay()::close))), null);
        query.requestFocus();
        search("");
    }

    private void search(String text) {
        pos.background().run(() -> pos.terminal().customers(text.trim(), 50), list -> {
            if (query.getText().equals(text)) results.getItems().setAll(list);
        }, e -> error.setText(Background.message(e)));
    }

    private void create() {
        if (name.getText().isBlank()) {
            error.setText("Type the customer's name.");
            return;
        }
        NewCustomer c = new NewCustomer(name.getText().trim(), phone.getText().isBlank() ? null : phone.getText().trim(), null);
        pos.background().inOrder(() -> pos.terminal().addCustomer(c), created -> {
            pos.notifier().info("Customer " + created.name() + " created as " + created.number());
            pick(created);
        }, e -> error.setText(Background.message(e)));
    }

    private void pick(Customer c) {
        pos.overlay().close();
        onPick.accept(c);
    }
}
