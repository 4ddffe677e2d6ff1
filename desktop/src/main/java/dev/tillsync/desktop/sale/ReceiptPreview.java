package dev.tillsync.desktop.sale;

import dev.tillsync.desktop.engine.TillSettings;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.terminal.SaleReceipt;
import javafx.application.Platform;
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
        Label printed = Ui.label("printInfo", "", "muted");
        printed.setWrapText(true);
        showPrinted(printed);
        // The cashier must know at once, not only if they read the small print: the customer is still at the till.
        if (receipt.printWarning() != null) pos.notifier().show(dev.tillsync.desktop.shell.Notifier.Kind.WARNING, receipt.printWarning());
        printed.setTooltip(new javafx.scene.control.Tooltip("ESC/POS: " + receipt.escposPath() + "\nPDF: " + receipt.pdf().path()));
        printed.setMaxWidth(640);
        // The engine writes the PDF preview off the sale path; say so until it is there. Always subscribe: a preview
        // finished between the first showPrinted and an isDone() check would otherwise leave "writing…" for good.
        receipt.pdf().whenDone(p -> Platform.runLater(() -> showPrinted(printed)));
        Button done = Ui.button("newSaleButton", receipt.reprint() ? "Close (Enter)" : "New sale (Enter)", pos.overlay()::close);
        done.setDefaultButton(true);
        VBox content = new VBox(12, Ui.heading(title), change, offline, text, printed, done);
        pos.overlay().show("receiptDialog", content, null);
        done.requestFocus();
    }

    /** Where the receipt went: the ESC/POS print (done) and the PDF preview (pending, written or failed). */
    private void showPrinted(Label printed) {
        String pdf;
        boolean pdfFailed = false;
        if (!receipt.pdf().isDone()) {
            pdf = "   ·   PDF: writing " + receipt.pdf().path().getFileName() + "…";
        } else if (receipt.pdf().written()) {
            pdf = "   ·   PDF: " + receipt.pdf().path().getFileName();
        } else {
            pdf = "   ·   PDF not written: " + receipt.pdf().warning();
            pdfFailed = true;
        }
        String where = receipt.printWarning() != null ? receipt.printWarning() + (pdfFailed ? pdf : "")
                : "Printed: " + receipt.escposPath().getFileName() + pdf;
        printed.setText(where);
        boolean error = receipt.printWarning() != null || pdfFailed;
        printed.getStyleClass().removeAll("error-text", "muted");
        printed.getStyleClass().add(error ? "error-text" : "muted");
    }
}
