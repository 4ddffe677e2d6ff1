package dev.tillsync.desktop.shift;

import dev.tillsync.desktop.engine.Background;
import dev.tillsync.desktop.fx.Ui;
import dev.tillsync.desktop.sale.MoneyText;
import dev.tillsync.desktop.shell.PosWindow;
import dev.tillsync.desktop.shell.Screen;
import dev.tillsync.terminal.ShiftCloseReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.File;
import javafx.geometry.Pos;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Closes the shift with the counted cash; the engine works out expected cash and the difference, and the
 * summary can be printed (or saved when this computer has no printer).
 */
public final class ShiftCloseScreen implements Screen {
    private final PosWindow pos;
    private final TextField counted = Ui.field("countedCash", "Counted cash, e.g. 123.45");
    private final Label error = Ui.label("shiftCloseError", "", "error-text");
    private final TextArea summary = new TextArea();
    private final Button close;
    private final VBox box;
    private final VBox view;

    public ShiftCloseScreen(PosWindow pos) {
        this.pos = pos;
        close = Ui.button("closeShiftConfirm", "Close shift", this::submit);
        close.setDefaultButton(true);
        counted.setOnAction(e -> submit());
        counted.setMaxWidth(320);
        summary.setId("shiftSummary");
        summary.setEditable(false);
        summary.getStyleClass().add("receipt");
        summary.setPrefRowCount(18);
        summary.setPrefColumnCount(42);
        box = new VBox(18, Ui.heading("Close the shift"),
                Ui.label(null, "Count the cash in the drawer and enter the total.", "muted"),
                counted, Ui.row(close, Ui.button("cancelCloseShift", "Back (Esc)", pos::afterLogin)), error);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(640);
        box.getStyleClass().add("panel");
        view = new VBox(box);
        view.setAlignment(Pos.CENTER);
        view.setId("shiftCloseScreen");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        counted.requestFocus();
    }

    private void submit() {
        long minor;
        try {
            minor = MoneyText.parse(counted.getText());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        close.setDisable(true);
        pos.background().inOrder(() -> pos.terminal().closeShift(minor), this::showReport, e -> {
            close.setDisable(false);
            error.setText(Background.message(e));
        });
    }

    private void showReport(ShiftCloseReport r) {
        summary.setText(ShiftSummary.text(r));
        Label diff = Ui.label("cashDifference", "Expected " + MoneyText.of(r.expectedCashMinor()) + " · counted "
                + MoneyText.of(r.countedCashMinor()) + " · difference " + MoneyText.of(r.differenceMinor()), "total-small");
        box.getChildren().setAll(Ui.heading("Shift closed"), diff, summary,
                Ui.row(Ui.button("printSummaryButton", "Print summary", this::print),
                        Ui.button("shiftDoneButton", "Done", pos::afterLogin)), error);
    }

    private void print() {
        Printer printer = Printer.getDefaultPrinter();
        PrinterJob job = printer == null ? null : PrinterJob.createPrinterJob(printer);
        if (job != null) {
            if (job.printPage(summary)) job.endJob();
            pos.notifier().info("Summary sent to " + printer.getName());
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("No printer on this computer: save the summary");
        chooser.setInitialFileName("shift-summary.txt");
        File f = chooser.showSaveDialog(view.getScene().getWindow());
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), summary.getText(), StandardCharsets.UTF_8);
            pos.notifier().info("Summary saved to " + f);
        } catch (IOException e) {
            error.setText("Could not save the summary: " + e.getMessage());
        }
    }
}
