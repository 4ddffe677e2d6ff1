package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.SaleItem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Ctrl+R: the carts parked on this till, oldest first; Enter resumes the selected one (it leaves the list in the same step). */
final class ParkedSalesDialog {
    interface Resumed {
        void accept(ParkedSale sale, List<Item> items, Customer customer);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private final PosWindow pos;
    private final Resumed onResume;
    private final ListView<ParkedSale> list = new ListView<>();
    private final Label error = Ui.label("parkedError", "", "error-text");

    ParkedSalesDialog(PosWindow pos, Resumed onResume) {
        this.pos = pos;
        this.onResume = onResume;
        list.setId("parkedList");
        list.setPrefSize(640, 260);
        list.setPlaceholder(new Label("No parked sales"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ParkedSale p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : TIME.format(p.parkedAt()) + "   " + p.label() + "   by " + p.parkedBy());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) resume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 2) resume();
        });
    }

    void open() {
        VBox content = new VBox(12, Ui.heading("Parked sales"), Ui.label(null, "Up/Down to choose, Enter resumes, Esc closes.", "muted"),
                list, error, Ui.row(Ui.button("resumeButton", "Resume (Enter)", this::resume), Ui.spacer(),
                        Ui.button("parkedClose", "Close (Esc)", pos.overlay()::close)));
        pos.overlay().show("parkedDialog", content, null);
        list.requestFocus();
        pos.background().run(() -> pos.terminal().parkedSales(), sales -> {
            list.getItems().setAll(sales);
            list.getSelectionModel().selectFirst();
            list.requestFocus();
        }, e -> error.setText(Background.message(e)));
    }

    private void resume() {
        ParkedSale chosen = list.getSelectionModel().getSelectedItem();
        if (chosen == null) return;
        record Back(ParkedSale sale, List<Item> items, Customer customer) {}
        pos.background().inOrder(() -> {
            ParkedSale p = pos.terminal().resume(chosen.id());
            List<Item> items = new ArrayList<>();
            for (SaleItem s : p.items()) items.add(pos.terminal().scan(s.codeOrBarcode()).item());
            Customer c = p.customerNumber() == null ? null : pos.terminal().customers(p.customerNumber(), 5).stream()
                    .filter(x -> x.number().equals(p.customerNumber())).findFirst().orElse(null);
            return new Back(p, items, c);
        }, b -> {
            pos.overlay().close();
            onResume.accept(b.sale(), b.items(), b.customer());
        }, e -> error.setText(Background.message(e)));
    }
}
