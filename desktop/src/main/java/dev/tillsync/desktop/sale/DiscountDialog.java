package dev.tillsync.desktop.sale;

import dev.tillsync.core.pricing.Discount;
import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.CartQuote;
import dev.tillsync.terminal.SaleItem;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * F5 (line) / F6 (sale): a discount as a percentage ("10%") or an amount ("1.50"), with a reason. The engine prices
 * the cart with it before it is applied, so a discount over 100% or over the line is refused here, with the cart as
 * it was; one over the cashier's limit is taken and asks for a manager at payment.
 */
final class DiscountDialog {
    private final PosWindow pos;
    private final String title;
    private final Function<Discount, Callable<CartQuote>> check;
    private final Consumer<Discount> onApply;
    private final TextField value = Ui.field("discountValue", "10% or 1.50");
    private final TextField reason = Ui.field("discountReason", "Reason");
    private final Label error = Ui.label("discountError", "", "error-text");

    DiscountDialog(PosWindow pos, String title, Discount current, Function<Discount, Callable<CartQuote>> check, Consumer<Discount> onApply) {
        this.pos = pos;
        this.title = title;
        this.check = check;
        this.onApply = onApply;
        if (current != null) {
            value.setText(current.kind() == Discount.Kind.PERCENT
                    ? BigDecimal.valueOf(current.value(), 2).stripTrailingZeros().toPlainString() + "%" : MoneyText.of(current.value()));
            reason.setText(current.reason());
        } else {
            reason.setText("Loyal customer");
        }
        value.setOnAction(e -> apply());
        reason.setOnAction(e -> apply());
    }

    void open() {
        VBox content = new VBox(12, Ui.heading(title),
                Ui.label(null, "Type 10% for a percentage or 1.50 for an amount; 0 takes the discount off. Enter applies, Esc cancels.", "muted"),
                Ui.row(Ui.label(null, "Discount", "muted"), value), Ui.row(Ui.label(null, "Reason", "muted"), reason), error,
                Ui.row(Ui.button("discountApply", "Apply (Enter)", this::apply), Ui.spacer(),
                        Ui.button("discountCancel", "Cancel (Esc)", pos.overlay()::close)));
        content.setPrefWidth(600);
        pos.overlay().show("discountDialog", content, null);
        value.requestFocus();
        value.selectAll();
    }

    private void apply() {
        error.setText("");
        Discount d;
        try {
            String v = value.getText().trim();
            if (v.isEmpty() || v.equals("0") || v.equals("0%")) {
                d = null;
            } else {
                if (reason.getText().isBlank()) throw new IllegalArgumentException("Give a reason for the discount (it is printed and reported).");
                d = SaleItem.discount(v, reason.getText().trim(), "this " + (title.contains("whole sale") ? "sale" : "line"));
            }
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
            value.requestFocus();
            return;
        }
        Discount chosen = d;
        pos.background().inOrder(check.apply(chosen), q -> {
            pos.overlay().close();
            onApply.accept(chosen);
        }, e -> {
            error.setText(Background.message(e));
            value.requestFocus();
            value.selectAll();
        });
    }

    /** "10% (Loyal customer)" or "1.50 (Damaged box)". */
    static String describe(Discount d) {
        String v = d.kind() == Discount.Kind.PERCENT ? BigDecimal.valueOf(d.value(), 2).stripTrailingZeros().toPlainString() + "%" : MoneyText.of(d.value());
        return v + (d.reason() == null ? "" : " (" + d.reason() + ")");
    }
}
