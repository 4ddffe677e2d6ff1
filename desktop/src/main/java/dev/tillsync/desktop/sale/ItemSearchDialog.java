package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.Item;
import java.util.function.Consumer;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** F2: find an item by name or code; Enter or a tap adds it to the cart. */
final class ItemSearchDialog {
    private final PosWindow pos;
    private final Consumer<Item> onPick;
    private final TextField query = Ui.field("searchField", "Name or code");
    private final ListView<Item> results = new ListView<>();

    ItemSearchDialog(PosWindow pos, Consumer<Item> onPick) {
        this.pos = pos;
        this.onPick = onPick;
        results.setId("searchResults");
        results.setPrefSize(640, 380);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Item it, boolean empty) {
                super.updateItem(it, empty);
                setText(empty || it == null ? null : it.name() + "   " + it.code() + "   " + MoneyText.of(it.priceMinor())
                        + (it.localStock() == null ? "" : "   stock " + it.localStock()));
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && results.getSelectionModel().getSelectedItem() != null) pick();
        });
        query.textProperty().addListener((o, a, text) -> search(text));
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER) {
                if (results.getSelectionModel().isEmpty()) results.getSelectionModel().selectFirst();
                pick();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) pick();
        });
    }

    void open() {
        pos.overlay().show("searchDialog", new VBox(12, Ui.heading("Find an item"), query, results,
                Ui.row(Ui.button("searchCancel", "Close (Esc)", pos.overlay()::close))), null);
        query.requestFocus();
        search("");
    }

    private void search(String text) {
        pos.background().run(() -> pos.terminal().searchItems(text.trim(), 50), items -> {
            if (query.getText().equals(text)) results.getItems().setAll(items);
        }, e -> pos.notifier().error(Background.message(e)));
    }

    private void pick() {
        Item it = results.getSelectionModel().getSelectedItem();
        if (it == null) return;
        pos.overlay().close();
        onPick.accept(it);
    }
}
