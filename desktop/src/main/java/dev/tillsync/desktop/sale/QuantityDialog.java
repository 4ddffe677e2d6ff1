package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import java.util.function.LongConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** F3 or "*": the cashier types the selected line's quantity. Only a valid quantity reaches the cart; a bad one is explained and kept for correction. */
final class QuantityDialog {
    private final PosWindow pos;
    private final TextField field = Ui.field("quantityField", "Quantity");
    private final Label error = Ui.label("quantityError", "", "error-text");
    private final LongConsumer onSet;

    QuantityDialog(PosWindow pos, long current, LongConsumer onSet) {
        this.pos = pos;
        this.onSet = onSet;
        field.setText(String.valueOf(current));
        field.setOnAction(e -> apply());
    }

    void open(String itemName) {
        VBox content = new VBox(12, Ui.heading("Quantity of " + itemName),
                Ui.label(null, "Type the quantity and press Enter (Esc keeps it as it is).", "muted"), field, error,
                Ui.row(Ui.button("quantityOk", "Set quantity (Enter)", this::apply), Ui.spacer(),
                        Ui.button("quantityCancel", "Cancel (Esc)", pos.overlay()::close)));
        content.setPrefWidth(520);
        pos.overlay().show("quantityDialog", content, null);
        field.requestFocus();
        field.selectAll();
    }

    private void apply() {
        try {
            long qty = parse(field.getText());
            pos.overlay().close();
            onSet.accept(qty);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            field.requestFocus();
            field.selectAll();
        }
    }

    /** A whole number of units, at least 1; the message says what to type instead. */
    static long parse(String text) {
        String t = text == null ? "" : text.trim();
        long qty;
        try {
            qty = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a quantity: type a whole number such as 3.");
        }
        if (qty < 1) throw new IllegalArgumentException("A quantity is at least 1: to take the line off, close this and press Del.");
        if (qty > 99_999) throw new IllegalArgumentException(qty + " is more than a till sells at once (99999 at most).");
        return qty;
    }
}
