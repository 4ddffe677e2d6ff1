package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.SaleItem;
import java.math.BigDecimal;
import java.util.function.LongConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * F3 or "*": the cashier types the selected line's quantity; for a measured item (kg, g, l, m) its weight or length
 * in the item's unit (1.250). Only a valid quantity reaches the cart; a bad one is explained and kept for correction.
 */
final class QuantityDialog {
    private final PosWindow pos;
    private final Item item;
    private final TextField field = Ui.field("quantityField", "Quantity");
    private final Label error = Ui.label("quantityError", "", "error-text");
    private final LongConsumer onSet;

    /** {@code currentMilli} null: a new line (a measured item scanned without a scale label). */
    QuantityDialog(PosWindow pos, Item item, Long currentMilli, LongConsumer onSet) {
        this.pos = pos;
        this.item = item;
        this.onSet = onSet;
        if (currentMilli != null) {
            field.setText(item.measured() ? BigDecimal.valueOf(currentMilli, 3).toPlainString() : String.valueOf(currentMilli / 1000));
        }
        field.setOnAction(e -> apply());
    }

    void open() {
        boolean measured = item.measured();
        String title = measured ? "Weight of " + item.name() + " (" + item.unit() + ")" : "Quantity of " + item.name();
        String hint = measured ? "Type the weight in " + item.unit() + " (e.g. 1.250) and press Enter; Esc cancels."
                : "Type the quantity and press Enter (Esc keeps it as it is).";
        field.setPromptText(measured ? "e.g. 1.250" : "Quantity");
        VBox content = new VBox(12, Ui.heading(title), Ui.label(null, hint, "muted"), field, error,
                Ui.row(Ui.button("quantityOk", (measured ? "Set weight" : "Set quantity") + " (Enter)", this::apply), Ui.spacer(),
                        Ui.button("quantityCancel", "Cancel (Esc)", pos.overlay()::close)));
        content.setPrefWidth(560);
        pos.overlay().show(measured ? "weightDialog" : "quantityDialog", content, null);
        field.requestFocus();
        field.selectAll();
    }

    private void apply() {
        try {
            long qty = parse(field.getText(), item.measured(), item.unit());
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
        return parse(text, false, "unit") / 1000;
    }

    /** Thousandths of the unit: a measured item takes up to 3 decimals above zero; a unit item whole numbers of at least 1. */
    static long parse(String text, boolean measured, String unit) {
        String t = text == null ? "" : text.trim().replace(',', '.');
        if (measured) {
            long milli;
            try {
                milli = SaleItem.quantity(t, unit);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + t + "' is not a weight: type it in " + unit + " with up to 3 decimals, e.g. 1.250.");
            }
            if (milli <= 0) throw new IllegalArgumentException("A weight is above zero: put the item on the scale and type what it shows.");
            if (milli > 99_999_000L) throw new IllegalArgumentException(t + " " + unit + " is more than a till sells at once.");
            return milli;
        }
        long qty;
        try {
            qty = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a quantity: type a whole number such as 3.");
        }
        if (qty < 1) throw new IllegalArgumentException("A quantity is at least 1: to take the line off, close this and press Del.");
        if (qty > 99_999) throw new IllegalArgumentException(qty + " is more than a till sells at once (99999 at most).");
        return qty * 1000;
    }
}
