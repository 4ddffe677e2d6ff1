package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.TillSettings;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.SaleReceipt;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Shows the receipt the engine printed (or why it could not), with change due in large type. */
public final class ReceiptPreview {
    private final PosWindow pos;
    private final SaleReceipt receipt;

    public ReceiptPreview(PosWindow pos, SaleReceipt receipt) {
        this.pos = pos;
        this.receipt = receipt;
    }

    public void open() {
        TextArea text = new TextArea(receipt.text());
        text.setId("receiptPreview");
        text.setEditable(false);
        text.getStyleClass().add("receipt");
        TillSettings s = pos.settings().get();
        int px = s == null || s.previewSize() == null ? TillSettings.PreviewSize.MEDIUM.fontPx() : s.previewSize().fontPx();
        text.setStyle("-fx-font-size: " + px + "px;");
        text.setPrefColumnCount(44);
        text.setPrefRowCount(14);
        String title = (receipt.reprint() ? "Reprint of " : "Sale complete — ") + receipt.number();
        Label change = Ui.label("receiptChange", receipt.reprint() ? "" : "Change due: " + MoneyText.of(receipt.changeMinor()), "total-big");
        Label offline = Ui.label("offlineBadge", "OFFLINE — saved on this device, will sync when back online", "badge-offline");
        offline.setVisible(receipt.offline());
        offline.setManaged(receipt.offline());
        String where = receipt.printWarning() != null ? "Not printed: " + receipt.printWarning()
                : "Printed: " + receipt.escposPath().getFileName() + (receipt.pdfPath() == null ? "" : "   ·   PDF: " + receipt.pdfPath().getFileName());
        Label printed = Ui.label("printInfo", where, receipt.printWarning() != null ? "error-text" : "muted");
        printed.setTooltip(new javafx.scene.control.Tooltip("ESC/POS: " + receipt.escposPath() + "\nPDF: " + receipt.pdfPath()));
        printed.setMaxWidth(640);
        Button done = Ui.button("newSaleButton", receipt.reprint() ? "Close (Enter)" : "New sale (Enter)", pos.overlay()::close);
        done.setDefaultButton(true);
        VBox content = new VBox(12, Ui.heading(title), change, offline, text, printed, done);
        pos.overlay().show("receiptDialog", content, null);
        done.requestFocus();
    }
}
